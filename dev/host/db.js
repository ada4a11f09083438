'use strict';
/**
 * Reading an instance's database: executions in its sqlite file (listExecutions, queryExecution,
 * waitForExecutionStatus), any read-only query on sqlite or PostgreSQL (instanceSql), and n8n
 * 2.41's publication state of published workflows (publicationState).
 */
const { DEFAULT_HOST, requireFromHost } = require('./versions');
const { sleep } = require('./util');

/** Run one read-only SQL query against an instance's sqlite DB (safe while `n8n start` runs). */
function sqliteAll(dbFile, sql, params = [], host = DEFAULT_HOST) {
	const sqlite3 = requireFromHost('sqlite3', host);
	return new Promise((resolve, reject) => {
		const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY, (err) => {
			if (err) return reject(err);
			db.configure('busyTimeout', 5000);
			db.all(sql, params, (e, rows) => {
				db.close();
				if (e) reject(e);
				else resolve(rows);
			});
		});
	});
}

/** { dbFile, host } of an instance (its own host) or of a sqlite file path (the default host). */
function dbOf(instOrDbFile) {
	return typeof instOrDbFile === 'string'
		? { dbFile: instOrDbFile, host: DEFAULT_HOST }
		: { dbFile: instOrDbFile.dbFile, host: instOrDbFile.host ?? DEFAULT_HOST };
}

/**
 * Executions of an instance, newest first: [{ id, workflowId, status, finished, mode,
 * startedAt, stoppedAt, waitTill }]. Filters: workflowId, status.
 */
async function listExecutions(instOrDbFile, { workflowId, status, limit = 50 } = {}) {
	const { dbFile, host } = dbOf(instOrDbFile);
	const where = [];
	const params = [];
	if (workflowId) {
		where.push('workflowId = ?');
		params.push(workflowId);
	}
	if (status) {
		where.push('status = ?');
		params.push(status);
	}
	const rows = await sqliteAll(
		dbFile,
		`SELECT id, workflowId, status, finished, mode, startedAt, stoppedAt, waitTill
		   FROM execution_entity ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
		  ORDER BY id DESC LIMIT ${Number(limit)}`,
		params,
		host,
	);
	return rows.map((r) => ({ ...r, id: String(r.id), finished: !!r.finished }));
}

/**
 * One execution with its run data unflattened (as n8n stores it: `flatted`):
 * { id, workflowId, status, finished, mode, waitTill, data: IRunExecutionData, workflowData }
 * or null. summarizeRun({ data }) gives nodeOutput()/lastNodeOutput() over it.
 */
async function queryExecution(instOrDbFile, executionId) {
	const { dbFile, host } = dbOf(instOrDbFile);
	const rows = await sqliteAll(
		dbFile,
		`SELECT e.id, e.workflowId, e.status, e.finished, e.mode, e.startedAt, e.stoppedAt, e.waitTill,
		        d.data AS data, d.workflowData AS workflowData
		   FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id
		  WHERE e.id = ?`,
		[executionId],
		host,
	);
	if (!rows.length) return null;
	const r = rows[0];
	const { parse } = requireFromHost('flatted', host);
	return {
		...r,
		id: String(r.id),
		finished: !!r.finished,
		data: r.data ? parse(r.data) : null,
		workflowData: r.workflowData ? JSON.parse(r.workflowData) : null,
	};
}

/** Poll until the execution's status is one of `statuses` (default: any final one). */
async function waitForExecutionStatus(
	instOrDbFile,
	executionId,
	{
		statuses = ['success', 'error', 'crashed', 'canceled'],
		timeoutMs = 30000,
		intervalMs = 250,
	} = {},
) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const { dbFile, host } = dbOf(instOrDbFile);
		const rows = await sqliteAll(
			dbFile,
			'SELECT status FROM execution_entity WHERE id = ?',
			[executionId],
			host,
		);
		if (rows[0] && statuses.includes(rows[0].status))
			return queryExecution(instOrDbFile, executionId);
		if (Date.now() > deadline) {
			throw new Error(
				`execution ${executionId} still ${rows[0]?.status ?? 'missing'} after ${timeoutMs} ms`,
			);
		}
		await sleep(intervalMs);
	}
}

/**
 * A read-only query on an instance's database: its sqlite file, or the PostgreSQL that
 * DB_POSTGRESDB_* of its env point at (through n8n's own `pg` module). Parameters: `?` for
 * sqlite, `$1` for PostgreSQL.
 */
async function instanceSql(inst, query, params = []) {
	const env = inst.env();
	if (env.DB_TYPE !== 'postgresdb') return sqliteAll(inst.dbFile, query, params, inst.host);
	const { Client } = requireFromHost('pg', inst.host);
	const client = new Client({
		host: env.DB_POSTGRESDB_HOST,
		port: Number(env.DB_POSTGRESDB_PORT || 5432),
		database: env.DB_POSTGRESDB_DATABASE,
		user: env.DB_POSTGRESDB_USER,
		password: env.DB_POSTGRESDB_PASSWORD || undefined,
	});
	await client.connect();
	try {
		return (await client.query(query, params)).rows;
	} finally {
		await client.end();
	}
}

/**
 * n8n 2.41 (publication service): the published workflows whose triggers are not live yet.
 * `n8n publish:workflow` only marks a version as the active one; `n8n start` prints its ready
 * line and only then its reconciler notices the published versions that no publication has
 * reported on, queues them in workflow_publication_outbox, and the outbox consumer registers
 * their webhooks (workflow_publication_trigger_status rows for the active version). Resolves
 * [{ id, name, settled, failed, inflight, errors }] for every published workflow.
 */
async function publicationState(inst) {
	const rows = await inst.sql(`
		SELECT w.id, w.name,
		  (SELECT COUNT(*) FROM workflow_publication_trigger_status ts
		    WHERE ts."workflowId" = w.id AND ts."versionId" = w."activeVersionId") AS settled,
		  (SELECT COUNT(*) FROM workflow_publication_trigger_status ts
		    WHERE ts."workflowId" = w.id AND ts."versionId" = w."activeVersionId" AND ts.status = 'failed') AS failed,
		  (SELECT COUNT(*) FROM workflow_publication_outbox o
		    WHERE o."workflowId" = w.id AND o.status IN ('pending', 'in_progress')) AS inflight,
		  (SELECT COUNT(*) FROM workflow_publication_outbox o
		    WHERE o."workflowId" = w.id AND o."publishedVersionId" = w."activeVersionId"
		      AND o.status IN ('completed', 'partial_success', 'failed')) AS done
		FROM workflow_entity w
		WHERE w."activeVersionId" IS NOT NULL AND w."isArchived" = false`);
	const out = [];
	for (const r of rows) {
		const row = {
			id: r.id,
			name: r.name,
			settled: Number(r.settled),
			failed: Number(r.failed),
			inflight: Number(r.inflight),
			done: Number(r.done),
		};
		row.live = row.inflight === 0 && (row.settled > 0 || row.done > 0);
		if (row.failed > 0) {
			row.errors = (
				await inst.sql(
					inst.env().DB_TYPE === 'postgresdb'
						? `SELECT "nodeId", "errorMessage" FROM workflow_publication_trigger_status WHERE "workflowId" = $1 AND status = 'failed'`
						: `SELECT "nodeId", "errorMessage" FROM workflow_publication_trigger_status WHERE "workflowId" = ? AND status = 'failed'`,
					[r.id],
				)
			).map((e) => `${e.nodeId}: ${e.errorMessage}`);
		}
		out.push(row);
	}
	return out;
}

module.exports = {
	sqliteAll,
	listExecutions,
	queryExecution,
	waitForExecutionStatus,
	instanceSql,
	publicationState,
};
