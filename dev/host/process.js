'use strict';
/**
 * Starting n8n: a CLI command run to its end (runN8n), a server or worker kept running with its log
 * collected (spawnN8nProcess), and a script re-run under the host's node (runUnderHostNode). Every
 * n8n process is the host's own node running n8n's bin script (n8n 2.41 needs node 24).
 */
const fs = require('node:fs');
const os = require('node:os');
const { spawn } = require('node:child_process');
const { DEFAULT_HOST, assertInstalled } = require('./versions');
const { stripAnsi } = require('./output');
const { tail } = require('./util');

/** Log line that n8n prints once the server listens (2.8: after active workflows are registered). */
const EDITOR_READY_RE = /Editor is now accessible via/;

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

/** The one way n8n is started here: the host's node running n8n's bin script, output piped. */
function spawnN8n(host, args, { env, cwd, detached = false }) {
	assertInstalled(host);
	return spawn(host.nodeBin, [host.n8nBin, ...args], {
		env,
		cwd,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached,
	});
}

/**
 * Run one n8n CLI command to completion. Resolves { args, code, signal, timedOut, stdout, stderr,
 * durationMs }; never rejects on a non-zero exit (callers decide), rejects only on spawn failure.
 */
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

module.exports = { EDITOR_READY_RE, runUnderHostNode, spawnN8n, runN8n, spawnN8nProcess };
