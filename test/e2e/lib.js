'use strict';
/**
 * Shared pieces of the e2e parts: a "gate" proxy that holds callbacks until released, a pass/fail
 * recorder, JSON comparison, the checks every part makes about its n8n, and the suite runner
 * (watchdog, closing `N passed, N failed`). It also re-exports the examples and their credentials
 * (dev/examples.js) and the REST client (dev/host/rest.js), which the demo uses too. Plain
 * CommonJS, no dependencies; loopback only.
 */
const http = require('node:http');
const path = require('node:path');
const fs = require('node:fs');
const examples = require('../../dev/examples');
const { DEMO_OWNER, request, N8nRest } = require('../../dev/host/rest');

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
		/** Matchers of requests forwarded at once instead of held (see letThrough). */
		this.passThrough = [];
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
				// a trigger's provider calling during n8n's activation (a handshake) cannot wait
				if (this.targetPort && this.passThrough.some((fn) => fn(entry))) this.forward(entry);
				else this.held.push(entry);
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

	/**
	 * From now on forward the requests whose url contains `fragment` at once (and those already
	 * held), e.g. a trigger whose provider verifies the URL while n8n activates the workflow.
	 */
	async letThrough(fragment) {
		const fn = (e) => e.url.includes(fragment);
		this.passThrough.push(fn);
		return await this.release(fn);
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

/** The built Dify stream reader (dist/), to compare what n8n output with the same bytes read alone. */
function builtDifyReader() {
	return require(
		path.join(examples.REPO_ROOT, 'dist', 'nodes', 'Dify', 'helpers', 'stream', 'reader.js'),
	);
}

/**
 * What a Dify Send (node version 1.1, Simplify on, the default) outputs for these SSE bytes: the
 * built aggregator (dist/) on them, shaped by the built `simplifiedReply`.
 */
async function simplifiedDifyReply(bytes) {
	const { simplifiedReply } = require(
		path.join(examples.REPO_ROOT, 'dist', 'nodes', 'Dify', 'helpers', 'outputs.js'),
	);
	return simplifiedReply(await builtDifyReader().aggregateDifyStream([bytes], {}));
}

/** The bytes of a Dify SSE fixture (dev/simulator/fixtures/dify/<name>.sse). */
function difyFixture(name) {
	return fs.readFileSync(
		path.join(examples.REPO_ROOT, 'dev', 'simulator', 'fixtures', 'dify', `${name}.sse`),
	);
}

/** Polls `fn` every 250 ms until it returns something truthy (returned), or throws after `timeoutMs`. */
async function until(what, fn, timeoutMs = 60000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

module.exports = {
	until,
	runSuite,
	builtDifyReader,
	simplifiedDifyReply,
	difyFixture,
	hostChecks,
	REPO_ROOT: examples.REPO_ROOT,
	EXAMPLES_DIR: examples.EXAMPLES_DIR,
	CREDENTIALS: examples.CREDENTIALS,
	WORKFLOWS: examples.WORKFLOWS,
	EXAMPLE_N8N_URL: examples.EXAMPLE_N8N_URL,
	DEMO_OWNER,
	demoCredentials: examples.demoCredentials,
	loadExamples: examples.loadExamples,
	retarget: examples.retarget,
	GateProxy,
	request,
	N8nRest,
	Checks,
	sameJson,
	firstDifference,
};
