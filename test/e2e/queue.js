#!/usr/bin/env node
'use strict';
/**
 * Queue mode: one `n8n start` (main) and one `n8n worker` on PostgreSQL + Redis
 * (EXECUTIONS_MODE=queue), started by scripts/queue-mode.sh, which passes QUEUE_PG_PORT and
 * QUEUE_REDIS_PORT. The examples run as the editor runs them (REST /rest/workflows/:id/run with
 * OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true, so the worker executes them):
 *   - Dify conversation (two turns) and the streaming Agent app: finished, outputs as expected;
 *   - Zaia export-and-wait: waits (persisted in PostgreSQL), a resume without the token gets 401,
 *     the simulator's callback resumes it (main receives it, a worker finishes it) with the export;
 *   - the DevRev reply loop (test/e2e/reply-loop/devrev.js): the published DM support example, main
 *     receives DevRev's signed event, a worker runs it, the answer in the DM, its own reply ignored.
 * Prints `N passed, N failed`; exit 1 on any failure. Bounded: QUEUE_TIMEOUT_MS (default 10 min).
 */
const host = require('../../dev/host/index');
if (host.runUnderHostNode()) return; // re-run on the node the host's native modules were built for
const { ProviderSimulator, providers } = require('../../dev/simulator');
const {
	runSuite,
	hostChecks,
	WORKFLOWS,
	GateProxy,
	Checks,
	N8nRest,
	demoCredentials,
	loadExamples,
	retarget,
	request,
	sameJson,
	firstDifference,
	simplifiedDifyReply,
} = require('./lib');
const devrevReplyLoop = require('./reply-loop/devrev');

const checks = new Checks();
const check = checks.check.bind(checks);
const TIMEOUT_MS = Number(process.env.QUEUE_TIMEOUT_MS || 10 * 60 * 1000);
const PG_PORT = process.env.QUEUE_PG_PORT;
const REDIS_PORT = process.env.QUEUE_REDIS_PORT;

const sims = {};
let gate;
let inst;
let main;
let worker;

function since(t0) {
	return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

async function teardown() {
	for (const p of [worker, main]) {
		try {
			if (p) await p.stop();
		} catch {
			/* best effort */
		}
	}
	try {
		if (inst) await inst.cleanup();
	} catch {
		/* best effort */
	}
	if (gate) await gate.stop().catch(() => {});
	await Promise.all(Object.values(sims).map((s) => s.stop().catch(() => {})));
}

function output(execution, nodeName) {
	return host.summarizeRun({ data: execution?.data }).nodeOutput(nodeName);
}

async function main_() {
	const t0 = Date.now();
	if (!PG_PORT || !REDIS_PORT)
		throw new Error(
			'QUEUE_PG_PORT and QUEUE_REDIS_PORT must be set (run bash scripts/queue-mode.sh)',
		);
	for (const name of Object.keys(providers).sort()) {
		sims[name] = new ProviderSimulator(providers[name]);
		await sims[name].start();
	}
	const urls = Object.fromEntries(Object.entries(sims).map(([n, s]) => [n, s.baseUrl]));
	gate = await new GateProxy().start();
	inst = host.createInstance({
		webhookUrl: `${gate.baseUrl}/`,
		env: {
			DB_TYPE: 'postgresdb',
			DB_SQLITE_DATABASE: null,
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: PG_PORT,
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: REDIS_PORT,
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		},
	});
	await inst.ensurePort();
	gate.targetPort = inst.port;
	console.log(
		`queue: n8n ${inst.version} (node ${process.version}), main on 127.0.0.1:${inst.port}, PostgreSQL :${PG_PORT}, Redis :${REDIS_PORT}, gate ${gate.baseUrl}`,
	);

	await inst.importCredentials(demoCredentials(providers, urls));
	const wanted = [
		WORKFLOWS.difyConversation,
		WORKFLOWS.difyAgent,
		WORKFLOWS.zaiaExportWait,
		WORKFLOWS.devrevSupport,
	];
	const workflows = loadExamples()
		.map(({ workflow }) => retarget(workflow, gate.baseUrl))
		.filter((w) => wanted.includes(w.id));
	await inst.importWorkflow(workflows);
	console.log(`     (imported into PostgreSQL, ${since(t0)})`);

	// the DevRev DM support example, published: its trigger hears the simulated DevRev in queue mode
	const loop = { check, inst, sims, gate };
	await devrevReplyLoop.before(loop);

	let t = Date.now();
	main = await inst.start({ timeoutMs: 240000 });
	console.log(`     (main ready in ${since(t)})`);
	t = Date.now();
	worker = await inst.startWorker();
	console.log(`     (worker ready in ${since(t)})`);

	const rest = new N8nRest(main.baseUrl);
	await rest.ensureOwner();
	const { parse } = host.requireFromHost('flatted');
	const ranOnWorker = (id) => new RegExp(`Worker started execution ${id} `).test(worker.logs());

	// Dify: two turns, then the streaming Agent app
	{
		const id = await rest.runManually(WORKFLOWS.difyConversation);
		const ex = await rest.waitForExecution(id, parse, { timeoutMs: 120000 });
		const first = output(ex, 'First Turn')?.[0];
		const second = output(ex, 'Second Turn')?.[0];
		check('queue: Dify conversation finished with success', ex.status === 'success', {
			status: ex.status,
			error: ex.data?.resultData?.error,
		});
		check(
			'queue: Dify conversation ran on the worker',
			ranOnWorker(id),
			worker.logs().slice(-1500),
		);
		const calls = sims.dify.requests.filter((r) => r.path === '/chat-messages');
		check(
			"queue: Dify second turn continued the first turn's conversation",
			first?.conversation_id &&
				calls[1]?.body.conversation_id === first.conversation_id &&
				second?.answer?.length > 0,
			calls.map((c) => c.body),
		);

		const agentId = await rest.runManually(WORKFLOWS.difyAgent);
		const agent = await rest.waitForExecution(agentId, parse, { timeoutMs: 120000 });
		const item = output(agent, 'Ask the Agent')?.[0];
		const agentCall = sims.dify.requests.filter((r) => r.path === '/chat-messages').pop();
		const expected = agentCall?.sseBytes
			? await simplifiedDifyReply(agentCall.sseBytes)
			: undefined;
		check(
			'queue: Dify agent finished on the worker',
			agent.status === 'success' && ranOnWorker(agentId),
			{ status: agent.status },
		);
		check(
			'queue: Dify agent stream aggregated on the worker equals the aggregator (simplified) on the bytes sent',
			sameJson(item, expected),
			firstDifference(item, expected),
		);
	}

	// Zaia export-and-wait
	{
		const id = await rest.runManually(WORKFLOWS.zaiaExportWait);
		const waiting = await rest.waitForExecution(id, parse, {
			statuses: ['waiting', 'success', 'error', 'crashed'],
			timeoutMs: 120000,
		});
		check(
			'queue: export-and-wait is waiting (stored in PostgreSQL) after the worker ran it',
			waiting.status === 'waiting' && ranOnWorker(id),
			{ status: waiting.status, error: waiting.data?.resultData?.error },
		);
		const callback = await gate
			.waitFor(`/webhook-waiting/${id}`, { timeoutMs: 30000 })
			.catch((e) => e);
		check(
			'queue: the simulator called the resume URL with the token',
			!(callback instanceof Error) && /[?&]zaiaToken=/.test(callback.url),
			String(callback?.url ?? callback),
		);
		const bare = `${main.baseUrl}${new URL(callback.url, main.baseUrl).pathname}`;
		const refused = await request(bare, { method: 'POST', body: { messages: [] } });
		check('queue: a resume without the token gets 401', refused.status === 401, refused);
		const still = await rest.getExecution(id, parse);
		check(
			'queue: after the refused call the execution is still waiting',
			still?.status === 'waiting',
			still?.status,
		);
		const [answer] = await gate.release(`/webhook-waiting/${id}`);
		check("queue: main accepted the simulator's callback (200)", answer?.status === 200, answer);
		const done = await rest.waitForExecution(id, parse, { timeoutMs: 120000 });
		const out = output(done, 'Export and Wait')?.[0];
		const job = [...sims.zaia.state.exports.values()].find((j) =>
			j.callbackUrl.includes(`/webhook-waiting/${id}`),
		);
		check(
			'queue: the resumed execution finished with success',
			done.status === 'success' && output(done, 'Export Received')?.length === 1,
			{ status: done.status, error: done.data?.resultData?.error },
		);
		check(
			"queue: the Zaia node outputs the callback's export",
			out?.callbackReceived === true &&
				out.exportId === job?.id &&
				out.callback?.format === 'json' &&
				sameJson(
					out.messages.map((m) => m.id),
					job.messages.map((m) => m.id),
				),
			out,
		);
		const starts = (worker.logs().match(new RegExp(`Worker started execution ${id} `, 'g')) ?? [])
			.length;
		const where = starts >= 2 ? 'the worker' : 'main';
		console.log(`     (the resumed part ran on ${where})`);
	}
	const stored = await inst
		.sql('SELECT status, COUNT(*) AS n FROM execution_entity GROUP BY status ORDER BY status')
		.catch((e) => e);
	check(
		'queue: the 3 executions are stored in PostgreSQL, all success',
		Array.isArray(stored) &&
			sameJson(
				stored.map((r) => `${r.status}|${r.n}`),
				['success|3'],
			),
		stored instanceof Error ? stored.message : stored,
	);
	// the reply loop in queue mode: main receives DevRev's signed event, a worker runs the workflow;
	// executions are read through the REST API (the database is PostgreSQL, not sqlite)
	{
		loop.server = main;
		loop.db = {
			listExecutions: async ({ workflowId }) => {
				const filter = encodeURIComponent(JSON.stringify({ workflowId }));
				const res = await rest.call('GET', `/rest/executions?filter=${filter}&limit=50`);
				const rows = res.json?.data?.results ?? [];
				return rows
					.map((r) => ({ ...r, id: String(r.id) }))
					.sort((a, b) => Number(b.id) - Number(a.id));
			},
			queryExecution: (id) => rest.getExecution(id, parse),
		};
		await devrevReplyLoop.run(loop);
		const ran = await loop.db.listExecutions({ workflowId: WORKFLOWS.devrevSupport });
		check(
			'queue: the DevRev reply loop ran on the worker',
			ran.length === 1 && ranOnWorker(ran[0].id),
			ran,
		);
	}
	const pgVersion = await inst.sql('SHOW server_version').catch((e) => e);
	console.log(`     (PostgreSQL ${pgVersion?.[0]?.server_version ?? pgVersion})`);
	check(
		'queue: main and worker both ran in queue mode (no fallback warning)',
		!/not supported|Falling back/i.test(main.logs() + worker.logs()),
		(main.logs() + worker.logs()).match(/.*(not supported|Falling back).*/gi),
	);
	hostChecks(checks, inst, [main.logs(), worker.logs()]);
	console.log(`queue: done in ${since(t0)}`);
}

runSuite({
	name: 'queue mode',
	label: `queue mode n8n ${host.DEFAULT_HOST.version}`,
	checks,
	timeoutMs: TIMEOUT_MS,
	teardown,
	main: main_,
	onError: () => {
		if (main) console.log(`--- main log tail ---\n${main.logs().slice(-3000)}`);
		if (worker) console.log(`--- worker log tail ---\n${worker.logs().slice(-3000)}`);
	},
});
