'use strict';
/**
 * Shared pieces of the demo (scripts/demo.js), the end-to-end suite (test/e2e/run.js) and the
 * queue-mode run (test/e2e/queue.js): the credentials the examples reference, the example files,
 * a "gate" proxy that holds callbacks until released, a small client for n8n's own REST API (the
 * one the editor uses), and a pass/fail recorder. Plain CommonJS, no dependencies; loopback only.
 */
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const crypto = require('node:crypto');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The credentials every example references, by credential type: fixed ids and names. */
const CREDENTIALS = {
	clickUpChatApi: { id: 'demoCredClickUp1', name: 'ClickUp Chat (demo simulator)' },
	devRevApi: { id: 'demoCredDevRev01', name: 'DevRev (demo simulator)' },
	difyApi: { id: 'demoCredDify0001', name: 'Dify (demo simulator)' },
	gravityRailApi: { id: 'demoCredGravRail', name: 'Gravity Rail (demo simulator)' },
	zaiaApi: { id: 'demoCredZaia0001', name: 'Zaia (demo simulator)' },
	zaiaTriggerApi: { id: 'demoCredZaiaTrg1', name: 'Zaia Trigger (demo secret)' },
};

/** Fixed ids of the example workflows (examples/*.json). */
const WORKFLOWS = {
	clickup: 'exClickUpDmMsg01',
	devrev: 'exDevRevChat0001',
	devrevConversation: 'exDevRevConvers1',
	difyConversation: 'exDifyConvers001',
	difyAgent: 'exDifyAgentStrm1',
	difyHumanInput: 'exDifyHumanLoop1',
	difyWorkflowRun: 'exDifyWorkflowR1',
	gravityRail: 'exGravityRail001',
	gravityRailRoundTrip: 'exGravRailRound1',
	zaiaCreateGet: 'exZaiaGetCreate1',
	zaiaTrigger: 'exZaiaTrigger001',
	zaiaExportUrl: 'exZaiaExportUrl1',
	zaiaExportWait: 'exZaiaExportWait',
};

/** The address the examples' hard-coded callback URL assumes (the demo's n8n). */
const EXAMPLE_N8N_URL = 'http://127.0.0.1:5678/';

/** Owner account the demo / queue run create headlessly (POST /rest/owner/setup). */
const DEMO_OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Demo-n8n-2024',
};

/**
 * The credentials for n8n's import:credentials, pointing at running simulators.
 * urls: { providerName: baseUrl }; providers: the simulator's provider modules.
 */
function demoCredentials(providers, urls) {
	const out = [];
	for (const [name, provider] of Object.entries(providers)) {
		// a provider's main credential, then any others it declares (e.g. the Zaia Trigger's secret)
		for (const credential of [provider, ...(provider.moreCredentials ?? [])]) {
			const fixed = CREDENTIALS[credential.credentialType];
			if (!fixed)
				throw new Error(
					`no demo credential id for ${credential.credentialType} (add it to test/e2e/lib.js)`,
				);
			if (!urls[name]) throw new Error(`no simulator URL for ${name}`);
			out.push({
				id: fixed.id,
				name: fixed.name,
				type: credential.credentialType,
				data: credential.demoCredential(urls[name]),
			});
		}
	}
	return out;
}

/** Every example workflow: [{ file, workflow }], sorted by file name. */
function loadExamples() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')),
		}));
}

/** A copy of a workflow with every occurrence of the example n8n address replaced. */
function retarget(workflow, baseUrl) {
	const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
	return JSON.parse(JSON.stringify(workflow).split(EXAMPLE_N8N_URL).join(base));
}

/**
 * A reverse proxy on 127.0.0.1 that holds every request until it is released, then forwards it to
 * the target port and passes the answer back. Used as n8n's WEBHOOK_URL so that a callback the
 * simulator makes (to a trigger or a resume URL) waits until n8n is ready for it, and so the test
 * decides when the "real" callback arrives. Records everything.
 */
class GateProxy {
	constructor() {
		this.held = [];
		this.seen = [];
		this.targetPort = null;
		this.server = http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				const entry = {
					method: req.method,
					url: req.url,
					headers: req.headers,
					body: Buffer.concat(chunks),
					res,
					at: Date.now(),
				};
				this.seen.push(entry);
				this.held.push(entry);
				for (const w of [...this.waiters]) {
					if (w.match(entry)) {
						this.waiters.splice(this.waiters.indexOf(w), 1);
						w.resolve(entry);
					}
				}
			});
		});
		this.waiters = [];
	}

	async start() {
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.port = this.server.address().port;
		this.baseUrl = `http://127.0.0.1:${this.port}`;
		return this;
	}

	/** Resolves with the first request (held or already seen) whose url matches. */
	waitFor(match, { timeoutMs = 60000 } = {}) {
		const fn =
			typeof match === 'function'
				? match
				: (e) => (match instanceof RegExp ? match.test(e.url) : e.url.includes(match));
		const found = this.seen.find(fn);
		if (found) return Promise.resolve(found);
		return new Promise((resolve, reject) => {
			const w = { match: fn, resolve };
			this.waiters.push(w);
			setTimeout(() => {
				const i = this.waiters.indexOf(w);
				if (i >= 0) {
					this.waiters.splice(i, 1);
					reject(new Error(`no request matching ${match} reached the gate within ${timeoutMs} ms`));
				}
			}, timeoutMs).unref();
		});
	}

	/** Forward the held request(s) matching `match` to 127.0.0.1:targetPort; resolves with their answers. */
	async release(match) {
		const fn =
			typeof match === 'function'
				? match
				: (e) => (match instanceof RegExp ? match.test(e.url) : e.url.includes(match));
		const picked = this.held.filter(fn);
		this.held = this.held.filter((e) => !picked.includes(e));
		return await Promise.all(picked.map((e) => this.forward(e)));
	}

	forward(entry) {
		return new Promise((resolve) => {
			const headers = { ...entry.headers, host: `127.0.0.1:${this.targetPort}` };
			const req = http.request(
				{
					host: '127.0.0.1',
					port: this.targetPort,
					method: entry.method,
					path: entry.url,
					headers,
					timeout: 60000,
				},
				(res) => {
					const chunks = [];
					res.on('data', (c) => chunks.push(c));
					res.on('end', () => {
						const body = Buffer.concat(chunks);
						entry.res.writeHead(res.statusCode, res.headers);
						entry.res.end(body);
						resolve({ status: res.statusCode, body: body.toString('utf8'), url: entry.url });
					});
				},
			);
			req.on('timeout', () => req.destroy(new Error('timeout')));
			req.on('error', (error) => {
				entry.res.writeHead(502, { 'content-type': 'text/plain' });
				entry.res.end(`gate: ${error.message}`);
				resolve({ status: 0, error: error.message, url: entry.url });
			});
			req.end(entry.body);
		});
	}

	async stop() {
		for (const e of this.held) {
			try {
				e.res.writeHead(503);
				e.res.end();
			} catch {
				/* already answered */
			}
		}
		this.held = [];
		this.server.closeAllConnections?.();
		await new Promise((resolve) => this.server.close(() => resolve()));
	}
}

/** One HTTP request on loopback; resolves { status, headers, text, json }. Never rejects on a status. */
function request(url, { method = 'GET', headers = {}, body, timeoutMs = 30000 } = {}) {
	return new Promise((resolve, reject) => {
		const target = new URL(url);
		if (!/^(127\.|localhost$|\[::1\]$)/.test(target.hostname))
			return reject(new Error(`refusing a non-loopback address: ${url}`));
		const data =
			body === undefined
				? undefined
				: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
		const req = http.request(
			target,
			{
				method,
				timeout: timeoutMs,
				headers: {
					...(data
						? { 'content-type': 'application/json', 'content-length': String(data.length) }
						: {}),
					...headers,
				},
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json;
					try {
						json = JSON.parse(text);
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode, headers: res.headers, text, json });
				});
			},
		);
		req.on('timeout', () =>
			req.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${url}`)),
		);
		req.on('error', reject);
		req.end(data);
	});
}

/**
 * n8n's internal REST API, as the editor uses it: owner setup (first start), login (cookie +
 * browser-id), run a workflow manually, read an execution.
 */
class N8nRest {
	constructor(baseUrl) {
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this.cookie = '';
		this.browserId = `e2e-${crypto.randomBytes(6).toString('hex')}`;
	}

	async call(method, p, body, { timeoutMs } = {}) {
		const headers = { 'browser-id': this.browserId };
		if (this.cookie) headers.cookie = this.cookie;
		const res = await request(`${this.baseUrl}${p}`, { method, body, headers, timeoutMs });
		const setCookie = res.headers['set-cookie'];
		if (setCookie) {
			const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
			if (auth) this.cookie = auth;
		}
		return res;
	}

	/** Is an owner set up already? (GET /rest/settings → userManagement.showSetupOnFirstLoad) */
	async needsOwnerSetup() {
		const res = await this.call('GET', '/rest/settings');
		const data = res.json?.data ?? res.json;
		return data?.userManagement?.showSetupOnFirstLoad === true;
	}

	/** Create the owner (only possible while none exists), else log in. */
	async ensureOwner(owner = DEMO_OWNER) {
		if (await this.needsOwnerSetup()) {
			const res = await this.call('POST', '/rest/owner/setup', owner);
			if (res.status !== 200)
				throw new Error(`owner setup failed: ${res.status} ${res.text.slice(0, 300)}`);
			return 'created';
		}
		await this.login(owner);
		return 'existing';
	}

	async login(owner = DEMO_OWNER) {
		const res = await this.call('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		if (res.status !== 200)
			throw new Error(`login failed: ${res.status} ${res.text.slice(0, 300)}`);
	}

	async getWorkflow(id) {
		const res = await this.call('GET', `/rest/workflows/${id}`);
		if (res.status !== 200)
			throw new Error(`GET workflow ${id}: ${res.status} ${res.text.slice(0, 300)}`);
		return res.json.data ?? res.json;
	}

	/** What the editor's "Execute workflow" sends: the whole workflow, from its manual trigger. */
	async runManually(id, triggerName) {
		const workflowData = await this.getWorkflow(id);
		const trigger =
			triggerName ??
			workflowData.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')?.name;
		const res = await this.call('POST', `/rest/workflows/${id}/run`, {
			workflowData,
			triggerToStartFrom: { name: trigger },
		});
		if (res.status !== 200) throw new Error(`run ${id}: ${res.status} ${res.text.slice(0, 500)}`);
		const data = res.json.data ?? res.json;
		if (!data.executionId)
			throw new Error(`run ${id}: no executionId in ${res.text.slice(0, 300)}`);
		return String(data.executionId);
	}

	/** An execution with its run data parsed (n8n stores it with `flatted`). */
	async getExecution(id, parse) {
		const res = await this.call('GET', `/rest/executions/${id}`);
		if (res.status !== 200) return null;
		const ex = res.json.data ?? res.json;
		if (typeof ex.data === 'string') ex.data = parse(ex.data);
		return ex;
	}

	async waitForExecution(
		id,
		parse,
		{ statuses = ['success', 'error', 'crashed', 'canceled'], timeoutMs = 60000 } = {},
	) {
		const deadline = Date.now() + timeoutMs;
		let last;
		for (;;) {
			last = await this.getExecution(id, parse);
			if (last && statuses.includes(last.status)) return last;
			if (Date.now() > deadline)
				throw new Error(`execution ${id} still ${last?.status ?? 'missing'} after ${timeoutMs} ms`);
			await new Promise((r) => setTimeout(r, 300));
		}
	}
}

/** Pass/fail recorder printing one line per check and the closing `N passed, N failed`. */
class Checks {
	constructor() {
		this.results = [];
	}

	check(name, cond, detail) {
		const ok = !!cond;
		this.results.push({ name, ok });
		const more =
			!ok && detail !== undefined
				? `\n       ${typeof detail === 'string' ? detail : JSON.stringify(detail).slice(0, 1500)}`
				: '';
		console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${more}`);
		return ok;
	}

	fail(name, error) {
		return this.check(
			name,
			false,
			error instanceof Error ? error.stack || error.message : String(error),
		);
	}

	get failed() {
		return this.results.filter((r) => !r.ok).length;
	}

	summary() {
		const passed = this.results.length - this.failed;
		return `${passed} passed, ${this.failed} failed`;
	}
}

/** Deep equality after a JSON round trip (what n8n stores and prints). */
function sameJson(a, b) {
	return require('node:util').isDeepStrictEqual(
		JSON.parse(JSON.stringify(a)),
		JSON.parse(JSON.stringify(b)),
	);
}

/** The first path where two JSON values differ, for failure messages. */
function firstDifference(a, b, at = '$') {
	if (
		typeof a !== typeof b ||
		Array.isArray(a) !== Array.isArray(b) ||
		(a === null) !== (b === null)
	)
		return `${at}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
	if (a && typeof a === 'object') {
		const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
		for (const k of keys) {
			const d = firstDifference(a[k], b[k], `${at}.${k}`);
			if (d) return d;
		}
		return undefined;
	}
	return a === b
		? undefined
		: `${at}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

/**
 * What every part checks about the n8n it ran, whatever else it tested:
 *   - no n8n process tried to reach anything beyond 127.0.0.1 (the no-egress guard's record;
 *     every call to n8n's own servers is switched off per version in dev/host/versions.js);
 *   - n8n's deprecation notice names none of the variables the host set (each version gets only
 *     the names it reads). `logs`: the n8n logs to look in (start/worker logs, command outputs).
 * The one notice left on 2.41 is about its internal task-runner mode, which is n8n's default and
 * which the host does not set (the alternative needs n8n's separate runner launcher).
 */
function hostChecks(checks, inst, logs) {
	const attempts = inst.egressAttempts();
	checks.check(
		`n8n ${inst.version}: no process tried to connect beyond 127.0.0.1`,
		attempts.length === 0,
		attempts.map((a) => `${a.kind} ${a.host}:${a.port ?? ''} ${a.stack.slice(0, 6).join(' < ')}`),
	);
	const env = inst.env();
	const named = [
		...new Set(
			logs
				.join('\n')
				.split('\n')
				.map((l) => /^\s*- ([A-Z][A-Z0-9_]+) -> /.exec(l)?.[1])
				.filter(Boolean),
		),
	];
	const ours = named.filter((name) => env[name] !== undefined);
	checks.check(
		`n8n ${inst.version}: no deprecation notice about a variable the host sets${named.length ? ` (n8n's own default noted: ${named.filter((n) => !ours.includes(n)).join(', ')})` : ''}`,
		ours.length === 0,
		ours,
	);
}

/**
 * Runs a suite's main function with a watchdog (fails and tears down after timeoutMs), signal
 * handling, and the closing `N passed, N failed` line; exits 1 on any failure.
 */
function runSuite({ name, label, checks, timeoutMs, teardown, main, onError }) {
	const closing = () => `${label ? `${label}: ` : ''}${checks.summary()}`;
	let finished = false;
	const watchdog = setTimeout(async () => {
		if (finished) return;
		checks.fail(`${name} finishes in time`, new Error(`still running after ${timeoutMs} ms`));
		await teardown();
		console.log(closing());
		process.exit(1);
	}, timeoutMs);
	watchdog.unref();
	for (const sig of ['SIGINT', 'SIGTERM']) {
		process.on(sig, async () => {
			await teardown();
			process.exit(130);
		});
	}
	main()
		.catch((error) => {
			checks.fail(`${name} ran without an unexpected error`, error);
			if (onError) onError(error);
		})
		.finally(async () => {
			finished = true;
			await teardown();
			console.log(closing());
			process.exit(checks.failed ? 1 : 0);
		});
}

module.exports = {
	runSuite,
	hostChecks,
	REPO_ROOT,
	EXAMPLES_DIR,
	CREDENTIALS,
	WORKFLOWS,
	EXAMPLE_N8N_URL,
	DEMO_OWNER,
	demoCredentials,
	loadExamples,
	retarget,
	GateProxy,
	request,
	N8nRest,
	Checks,
	sameJson,
	firstDifference,
};
