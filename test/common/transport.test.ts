/**
 * The transport's streamed requests (nodes/common/transport.ts): an error answer to a streaming
 * request is read up to 64 KB, then the stream is destroyed and the connection closed — an endless
 * or huge error body cannot keep the node reading. Run through the Dify node (its streaming Send).
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'user-42',
	query: 'hello',
});

/** A server answering every request 500 with a text body it keeps writing until the client leaves. */
let server: Server;
let baseUrl: string;
const sockets = new Set<Socket>();
const state = { sent: 0, closed: false, requests: 0 };
const LIMIT = 64 * 1024 * 1024;

beforeAll(async () => {
	server = createServer((_req, res) => {
		state.requests += 1;
		res.writeHead(500, { 'content-type': 'text/plain' });
		res.on('close', () => (state.closed = true));
		const chunk = Buffer.alloc(16 * 1024, 'e');
		const write = () => {
			if (res.destroyed) return;
			if (state.sent >= LIMIT) {
				res.end();
				return;
			}
			res.write(chunk);
			state.sent += chunk.length;
			setTimeout(write, 1);
		};
		write();
	});
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
	for (const s of sockets) s.destroy();
	await new Promise((resolve) => server?.close(resolve));
});

describe('transport: a streamed error body', () => {
	test('is read up to 64 KB, then the stream is destroyed and the connection closed', async () => {
		const started = Date.now();
		const result = await run({}, { credential: { baseUrl }, continueOnFail: true });
		const json = result.items[0].json;
		expect(json.httpCode).toBe('500');
		expect(String(json.error)).toMatch(/^e{300}$/);
		expect(state.requests).toBe(1);
		const deadline = Date.now() + 5000;
		while (!state.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
		expect(state.closed).toBe(true);
		expect(state.sent).toBeLessThan(4 * 1024 * 1024);
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
