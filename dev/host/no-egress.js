'use strict';
/**
 * Preloaded into every n8n process the host starts (NODE_OPTIONS=--require <this file>): refuses
 * and records every TCP connection and DNS lookup to anything but the loopback interface, so a
 * test run proves n8n tried to reach nothing outside this machine (n8n's servers: telemetry,
 * version notifications, community-node catalogue, templates, license, MCP catalogue, ...).
 *
 * Each attempt is appended as one JSON line to N8N_HOST_EGRESS_LOG (when set):
 *   { "pid", "at", "kind": "connect" | "lookup", "host", "port", "stack" }
 * and the connection fails at once with ECONNREFUSED (a lookup with ENOTFOUND), as on an offline
 * machine. Unix sockets and 127.0.0.0/8, ::1, localhost are allowed. No dependencies.
 */
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');

const LOG = process.env.N8N_HOST_EGRESS_LOG;

function isLoopback(host) {
	if (host === undefined || host === null || host === '') return true; // node's default: localhost
	const h = String(host)
		.toLowerCase()
		.replace(/^\[|\]$/g, '');
	if (h === 'localhost' || h.endsWith('.localhost')) return true;
	if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
	const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
	return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function record(kind, host, port) {
	if (!LOG) return;
	const limit = Error.stackTraceLimit;
	Error.stackTraceLimit = 40;
	const trace = new Error().stack || '';
	Error.stackTraceLimit = limit;
	const stack = trace
		.split('\n')
		.slice(3)
		.map((l) => l.trim())
		.filter((l) => !l.includes('no-egress.js') && !/\(node:|^at node:/.test(l))
		.slice(0, 12);
	try {
		fs.appendFileSync(
			LOG,
			JSON.stringify({ pid: process.pid, at: new Date().toISOString(), kind, host, port, stack }) +
				'\n',
		);
	} catch {
		/* the log folder is gone (instance cleaned up): nothing to record into */
	}
}

function refusal(code, host, port) {
	const error = new Error(
		`${code === 'ENOTFOUND' ? 'getaddrinfo' : 'connect'} ${code} ${host}${port ? `:${port}` : ''} (blocked: the n8n host allows loopback only)`,
	);
	error.code = code;
	error.errno = code === 'ENOTFOUND' ? -3008 : -111;
	error.syscall = code === 'ENOTFOUND' ? 'getaddrinfo' : 'connect';
	error.hostname = host;
	return error;
}

/** The { host, port, path } of any of net.Socket#connect's call forms. */
function target(args) {
	let a = args;
	if (Array.isArray(a[0])) a = a[0]; // node's internal normalized form: [options, cb]
	const first = a[0];
	if (first && typeof first === 'object')
		return { host: first.host, port: first.port, path: first.path };
	if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
	return { port: first, host: typeof a[1] === 'string' ? a[1] : undefined };
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
	const t = target(args);
	if (!t.path && !isLoopback(t.host)) {
		record('connect', t.host, t.port);
		const error = refusal('ECONNREFUSED', t.host, t.port);
		this.connecting = true;
		process.nextTick(() => this.destroy(error));
		return this;
	}
	return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, options, callback) {
	if (!isLoopback(hostname)) {
		record('lookup', hostname);
		const cb = typeof options === 'function' ? options : callback;
		const error = refusal('ENOTFOUND', hostname);
		if (typeof cb === 'function') process.nextTick(() => cb(error));
		return {};
	}
	return lookup.apply(this, arguments);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = async function guardedPromisesLookup(hostname, options) {
	if (!isLoopback(hostname)) {
		record('lookup', hostname);
		throw refusal('ENOTFOUND', hostname);
	}
	return promisesLookup.call(this, hostname, options);
};

module.exports = { isLoopback };
