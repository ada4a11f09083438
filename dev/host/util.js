'use strict';
/** Small helpers the host modules share: a free loopback port, a plain GET, sleep, a log's tail. */
const net = require('node:net');
const http = require('node:http');

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

/** GET a URL: { status, body }; status 0 when nothing answered. Never rejects. */
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

/** The last `n` characters of a log, for error messages. */
function tail(s, n = 4000) {
	return s.length > n ? '…' + s.slice(-n) : s;
}

module.exports = { freePort, httpGet, sleep, tail };
