'use strict';
/**
 * The chat client of the "chat" part: one message sent as n8n's chat client (@n8n/chat, streaming
 * on) sends it, the answer read line by line as it arrives (sendChat), and helpers over the chunks
 * it returns (items, text, types, lastMessage, afterStop).
 */
const http = require('node:http');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * One chat message, sent as @n8n/chat sends it with streaming on; the answer read as it arrives,
 * split into lines and parsed like the client does (a line that is not JSON is an `item`).
 * Returns { done: Promise<{ status, headers, chunks, endedAt, closedBy }>, chunks (live), abort() }.
 * Each chunk gets `at` (arrival time, this process's clock). `t` holds the server, the set of open
 * requests (closed at teardown) and every chunk seen (for the no-secret check).
 */
function sendChat(t, webhookId, chatInput, sessionId, { timeoutMs = 120000 } = {}) {
	const { server, open, everyChunk } = t;
	const url = new URL(`${server.baseUrl}/webhook/${webhookId}/chat`);
	const data = Buffer.from(JSON.stringify({ action: 'sendMessage', sessionId, chatInput }));
	const chunks = [];
	const waiters = [];
	let req;
	const done = new Promise((resolve, reject) => {
		req = http.request(
			url,
			{
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					accept: 'text/plain',
					'content-length': String(data.length),
				},
			},
			(res) => {
				let buffer = '';
				const push = (line) => {
					if (!line.trim()) return;
					let chunk;
					try {
						chunk = JSON.parse(line);
					} catch {
						chunk = { type: 'item', content: line };
					}
					chunk.at = Date.now();
					chunks.push(chunk);
					everyChunk.push(chunk);
					for (const w of [...waiters])
						if (w.test(chunks)) {
							waiters.splice(waiters.indexOf(w), 1);
							w.resolve();
						}
				};
				res.setEncoding('utf8');
				res.on('data', (text) => {
					buffer += text;
					const lines = buffer.split('\n');
					buffer = lines.pop() ?? '';
					lines.forEach(push);
				});
				const finish = (closedBy) => {
					push(buffer);
					buffer = '';
					open.delete(req);
					resolve({
						status: res.statusCode,
						headers: res.headers,
						chunks,
						endedAt: Date.now(),
						closedBy,
					});
				};
				res.on('end', () => finish('server'));
				res.on('close', () => finish(req.destroyed ? 'client' : 'server'));
			},
		);
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', (error) => {
			open.delete(req);
			if (req.abortedByTest)
				resolve({ status: 0, headers: {}, chunks, endedAt: Date.now(), closedBy: 'client' });
			else reject(error);
		});
		open.add(req);
		req.end(data);
	});
	return {
		done,
		chunks,
		/** Resolves once test(chunks) is true (checked on every new chunk). */
		until(test, ms = 30000) {
			if (test(chunks)) return Promise.resolve();
			return new Promise((resolve, reject) => {
				const w = { test, resolve };
				waiters.push(w);
				setTimeout(() => {
					if (waiters.includes(w)) {
						waiters.splice(waiters.indexOf(w), 1);
						reject(
							new Error(
								`chat: condition not met within ${ms} ms: ${JSON.stringify(chunks).slice(0, 800)}`,
							),
						);
					}
				}, ms).unref();
			});
		},
		abort() {
			req.abortedByTest = true;
			req.destroy();
		},
	};
}

const items = (chunks, nodeName) =>
	chunks.filter((c) => c.type === 'item' && (!nodeName || c.metadata?.nodeName === nodeName));
const text = (chunks, nodeName) =>
	items(chunks, nodeName)
		.map((c) => c.content)
		.join('');
const types = (chunks) =>
	chunks.map((c) => `${c.type}${c.metadata?.nodeName ? `@${c.metadata.nodeName}` : ''}`);

/**
 * After a stop: the chat response as it stands once n8n closed it, or after `ms` (then the client
 * gives up: { closedBy: 'client', leftOpen: true }).
 */
async function afterStop(chat, ms = 8000) {
	const res = await Promise.race([chat.done, sleep(ms).then(() => undefined)]);
	if (res) return res;
	const n = chat.chunks.length;
	chat.abort();
	return { ...(await chat.done), leftOpen: true, chunksAtTimeout: n };
}

/** The chunks of the last message (begin … end) a node sent, non-empty items only. */
function lastMessage(chunks, nodeName) {
	const begins = chunks
		.map((c, i) => (c.type === 'begin' && c.metadata?.nodeName === nodeName ? i : -1))
		.filter((i) => i >= 0);
	const from = begins.at(-1) ?? 0;
	return chunks
		.slice(from)
		.filter((c) => c.type === 'item' && c.metadata?.nodeName === nodeName && c.content !== '');
}

module.exports = { sleep, sendChat, items, text, types, afterStop, lastMessage };
