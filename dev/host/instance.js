'use strict';
/**
 * One isolated n8n "installation" (N8nInstance): a temp user folder with its own sqlite DB,
 * settings and nodes folder, the package linked into it; n8n CLI commands run for it (import,
 * publish, execute, export), `n8n start` and `n8n worker` kept running until stopped.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const {
	REPO_ROOT,
	DEFAULT_HOST,
	resolveHost,
	versionTraits,
	assertInstalled,
} = require('./versions');
const { buildEnv } = require('./env');
const { linkPackage } = require('./link');
const { EDITOR_READY_RE, runN8n, spawnN8nProcess } = require('./process');
const { parseExecuteOutput, summarizeRun } = require('./output');
const {
	listExecutions,
	queryExecution,
	waitForExecutionStatus,
	instanceSql,
	publicationState,
} = require('./db');
const { freePort, httpGet, sleep, tail } = require('./util');

/** Signals n8n's process has died of while exiting after a finished run (a native crash, not ours). */
const CRASH_SIGNALS = new Set(['SIGSEGV', 'SIGBUS', 'SIGABRT']);

function writeTempJson(dir, name, value) {
	const file = path.join(dir, `${name}-${crypto.randomBytes(4).toString('hex')}.json`);
	fs.writeFileSync(file, JSON.stringify(value, null, 2));
	return file;
}

function toFile(dir, name, fileOrValue) {
	if (typeof fileOrValue === 'string') return path.resolve(fileOrValue);
	return writeTempJson(dir, name, fileOrValue);
}

class CommandError extends Error {
	constructor(message, result) {
		super(message);
		this.result = result;
	}
}

function ensureOk(result, what) {
	if (result.code !== 0 || result.timedOut) {
		throw new CommandError(
			`${what} failed (exit ${result.code}${result.timedOut ? ', timed out' : ''})\n` +
				`--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`,
			result,
		);
	}
	return result;
}

/**
 * One isolated n8n "installation": a temp user folder (its own sqlite DB, settings, nodes folder).
 *
 * options:
 *   userFolder  reuse/create this folder instead of a fresh mkdtemp one
 *   link        false to not link the package (e.g. a pure n8n-nodes-base smoke test)
 *   linkMode    'copy' (default) | 'symlink'
 *   packageDir  package to link (default: repo root)
 *   env         extra env vars for every n8n process of this instance (null/undefined deletes)
 *   version     which hosted n8n (default: N8N_VERSION, else the newest); hostDir, node: see resolveHost
 *   webhookUrl  base URL n8n puts in webhook / resume URLs (default: its own address); set under
 *               the variable name this version reads
 *   egressGuard false to not preload no-egress.js (the demo: a user may point a credential at the
 *               real provider); n8n's own outbound calls stay switched off by the env either way
 */
class N8nInstance {
	constructor(options = {}) {
		this.host =
			options.host ??
			(options.version || options.hostDir || options.node
				? resolveHost({ version: options.version, dir: options.hostDir, node: options.node })
				: DEFAULT_HOST);
		this.version = this.host.version;
		this.traits = versionTraits(this.version);
		assertInstalled(this.host);
		this.webhookUrl = options.webhookUrl ?? null;
		this.egressGuard = options.egressGuard !== false;
		this.userFolder =
			options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-chat-connectors-'));
		fs.mkdirSync(path.join(this.userFolder, '.n8n'), { recursive: true });
		this.filesDir = path.join(this.userFolder, 'files');
		fs.mkdirSync(this.filesDir, { recursive: true });
		this.extraEnv = options.env ?? {};
		// The port is fixed per instance (chosen on first use): CLI commands (execute) build
		// $execution.resumeUrl / getSignedResumeUrl() / webhook URLs from it, and the signature
		// covers host:port, so `n8n start` must later listen on the very same port.
		this.port = options.port ?? null;
		this.linkMode = options.linkMode ?? 'copy';
		this.packagePath = null;
		if (options.link !== false) {
			this.packagePath = linkPackage(this.userFolder, {
				packageDir: options.packageDir ?? REPO_ROOT,
				mode: this.linkMode,
			});
		}
		this.servers = new Set();
	}

	get dbFile() {
		return path.join(this.userFolder, '.n8n', 'database.sqlite');
	}

	listExecutions(filter) {
		return listExecutions(this, filter);
	}

	queryExecution(executionId) {
		return queryExecution(this, executionId);
	}

	waitForExecutionStatus(executionId, opts) {
		return waitForExecutionStatus(this, executionId, opts);
	}

	/**
	 * A read-only query on this instance's database: its sqlite file, or the PostgreSQL that
	 * DB_POSTGRESDB_* of its env point at (through n8n's own `pg` module). Parameters: `?` for
	 * sqlite, `$1` for PostgreSQL.
	 */
	sql(query, params = []) {
		return instanceSql(this, query, params);
	}

	/** n8n 2.41: every published workflow and whether its triggers are live (see db.js). */
	publicationState() {
		return publicationState(this);
	}

	/** Waits until every published workflow's triggers are live (2.41); throws if one failed. */
	async waitForPublished({ timeoutMs = 60000, logs } = {}) {
		if (!this.traits.publicationService) return [];
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const state = await this.publicationState();
			const failed = state.filter((w) => w.failed > 0);
			if (failed.length)
				throw new Error(
					`n8n could not activate the triggers of ${failed.map((w) => `"${w.name}" (${w.errors.join('; ')})`).join(', ')}`,
				);
			if (state.every((w) => w.live)) return state;
			if (Date.now() > deadline)
				throw new Error(
					`published workflows not live after ${timeoutMs} ms: ${JSON.stringify(state.filter((w) => !w.live))}${logs ? `\n${tail(logs())}` : ''}`,
				);
			await sleep(200);
		}
	}

	/** File the no-egress guard appends to (one JSON line per refused attempt). */
	get egressLog() {
		return path.join(this.userFolder, 'egress.log');
	}

	/**
	 * Every attempt any n8n process of this instance made to reach beyond 127.0.0.1 (refused):
	 * [{ pid, at, kind, host, port, stack }]. Should stay empty.
	 */
	egressAttempts() {
		if (!fs.existsSync(this.egressLog)) return [];
		return fs
			.readFileSync(this.egressLog, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.parse(l));
	}

	/** Base URL n8n uses for this instance (webhooks, resume URLs, editor). Needs ensurePort() first. */
	get baseUrl() {
		return this.port ? `http://127.0.0.1:${this.port}` : undefined;
	}

	async ensurePort() {
		if (!this.port) this.port = await freePort();
		return this.port;
	}

	env(extra = {}) {
		const urls = this.port
			? {
					N8N_PORT: this.port,
					[this.traits.webhookUrlVar]: this.webhookUrl ?? `${this.baseUrl}/`,
					N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
				}
			: {};
		// symlink mode: without --preserve-symlinks the package's require('n8n-workflow') would
		// resolve from the repo's own node_modules (another version) instead of n8n's copy.
		const nodeOptions = this.linkMode === 'symlink' ? { NODE_OPTIONS: '--preserve-symlinks' } : {};
		const env = buildEnv(this.userFolder, { ...urls, ...this.extraEnv, ...extra }, this.host, {
			egressGuard: this.egressGuard,
		});
		if (nodeOptions.NODE_OPTIONS)
			env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --preserve-symlinks`.trim();
		return env;
	}

	/**
	 * Run an n8n CLI command for this instance. Each command gets its own free task-runner broker
	 * port (execute starts a broker too; the default 5679 would clash with a running `n8n start`).
	 */
	async run(args, opts = {}) {
		await this.ensurePort();
		const brokerPort = await freePort();
		return runN8n(args, {
			env: this.env({ N8N_RUNNERS_BROKER_PORT: brokerPort, ...(opts.env || {}) }),
			timeoutMs: opts.timeoutMs,
			host: this.host,
		});
	}

	/** credentials: path to a JSON file, or an array/object of { id, name, type, data } (plain data). */
	async importCredentials(credentials, opts = {}) {
		const file = toFile(this.filesDir, 'credentials', credentials);
		return ensureOk(
			await this.run(['import:credentials', `--input=${file}`], opts),
			'import:credentials',
		);
	}

	/** workflow: path to a JSON file, or a workflow object / array of them (each needs an `id`). */
	async importWorkflow(workflow, opts = {}) {
		const file = toFile(this.filesDir, 'workflow', workflow);
		return ensureOk(
			await this.run(['import:workflow', `--input=${file}`], opts),
			'import:workflow',
		);
	}

	/** Make a workflow active for the next `n8n start` (webhook / trigger workflows). */
	async publishWorkflow(id, opts = {}) {
		return ensureOk(await this.run(['publish:workflow', `--id=${id}`], opts), 'publish:workflow');
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`. Resolves
	 * { ok, code, run, status, error, nodeOutput(name), lastNodeOutput(), stdout, stderr, durationMs }.
	 * ok = exit 0 and a run was printed and it has no error. Does not throw on a failed run.
	 */
	async execute(id, opts = {}) {
		const res = await this.run(['execute', `--id=${id}`, '--rawOutput'], opts);
		const run = parseExecuteOutput(res.stdout);
		const summary = summarizeRun(run);
		// n8n 2.41 on node 24 now and then dies of a signal while shutting down, after it printed
		// the finished run (seen about once in 30 runs, more under load): the run itself counts, the
		// crash is reported (crashedOnExit) so that a part can say how often it happened
		const crashedOnExit =
			res.code === null && CRASH_SIGNALS.has(res.signal) && run?.finished === true
				? res.signal
				: undefined;
		return {
			...res,
			...summary,
			run,
			crashedOnExit,
			ok: (res.code === 0 || !!crashedOnExit) && !!run && !summary.error,
		};
	}

	/** `n8n export:workflow --id` / `--all` parsed. */
	async exportWorkflows(id) {
		const file = path.join(this.filesDir, `export-${crypto.randomBytes(4).toString('hex')}.json`);
		const args = ['export:workflow', id ? `--id=${id}` : '--all', `--output=${file}`];
		ensureOk(await this.run(args), 'export:workflow');
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	}

	/**
	 * Start `n8n start` in the background on 127.0.0.1:<port>. Resolves once the editor-ready log
	 * line was printed, /healthz/readiness answers 200 AND every published workflow's triggers
	 * (production webhooks) are registered: 2.8 does that before its ready line, 2.41 after it
	 * (see waitForPublished). Returns { port, baseUrl, proc, logs(), waitForLog(re), stop() }.
	 */
	async start({ port, brokerPort, timeoutMs = 180000, env = {}, waitForPublished = true } = {}) {
		if (port) this.port = port;
		port = await this.ensurePort();
		brokerPort = brokerPort ?? (await freePort());
		const baseUrl = this.baseUrl;
		const procEnv = this.env({
			N8N_RUNNERS_BROKER_PORT: brokerPort,
			...env,
		});
		const started = Date.now();
		const {
			proc,
			logs,
			waitForLog,
			stop: stopProcess,
		} = spawnN8nProcess(['start'], procEnv, this.userFolder, this.host);
		const stop = async (options) => {
			const r = await stopProcess(options);
			this.servers.delete(server);
			return r;
		};

		const server = {
			port,
			brokerPort,
			baseUrl,
			proc,
			pid: proc.pid,
			logs,
			/** current log length: pass as waitForLog(re, { from }) to only see later lines */
			logOffset: () => logs().length,
			waitForLog,
			stop,
			readyMs: null,
		};
		this.servers.add(server);

		try {
			await waitForLog(EDITOR_READY_RE, { timeoutMs });
			// readiness must answer too (DB migrated + connected)
			const deadline = Date.now() + 30000;
			for (;;) {
				const r = await httpGet(`${baseUrl}/healthz/readiness`);
				if (r.status === 200) break;
				if (Date.now() > deadline)
					throw new Error(`/healthz/readiness never answered 200\n${tail(logs())}`);
				await sleep(200);
			}
			// 2.41: the ready line comes before published workflows' webhooks are registered
			if (waitForPublished) server.published = await this.waitForPublished({ logs });
		} catch (e) {
			await stop({ graceMs: 2000 });
			throw e;
		}
		server.readyMs = Date.now() - started;
		return server;
	}

	/**
	 * Start `n8n worker` (queue mode) in the background. Resolves once it reports ready.
	 * Returns { proc, logs(), waitForLog(re), stop() }; stopAll() stops it too.
	 */
	async startWorker({ concurrency = 2, timeoutMs = 180000, env = {} } = {}) {
		const procEnv = this.env({
			N8N_RUNNERS_BROKER_PORT: await freePort(),
			QUEUE_HEALTH_CHECK_PORT: await freePort(),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...env,
		});
		const worker = spawnN8nProcess(
			['worker', `--concurrency=${concurrency}`],
			procEnv,
			this.userFolder,
			this.host,
		);
		const stop = worker.stop;
		worker.stop = async (options) => {
			const r = await stop(options);
			this.servers.delete(worker);
			return r;
		};
		this.servers.add(worker);
		try {
			await worker.waitForLog(/n8n worker is now ready/, { timeoutMs });
		} catch (e) {
			await worker.stop({ graceMs: 2000 });
			throw e;
		}
		return worker;
	}

	async stopAll() {
		await Promise.all([...this.servers].map((s) => s.stop()));
	}

	/** Stop servers and remove the temp folder (unless KEEP_N8N_FOLDER=1, for debugging). */
	async cleanup() {
		await this.stopAll();
		if (process.env.KEEP_N8N_FOLDER === '1') return;
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

function createInstance(options) {
	return new N8nInstance(options);
}

module.exports = { N8nInstance, createInstance, CommandError };
