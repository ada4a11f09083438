/**
 * The HTTP side of the webhook harness, as n8n's webhook server does it: a request read with its
 * raw body kept and JSON / text / form-urlencoded parsed, JSON answers, what was answered recorded,
 * a server on 127.0.0.1 with its sockets tracked.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';

import type { IDataObject } from 'n8n-workflow';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type N8nRequest = IncomingMessage & {
	rawBody?: Buffer;
	readRawBody: () => Promise<void>;
	body?: unknown;
	query: IDataObject;
	params: IDataObject;
	contentType?: string;
	encoding?: BufferEncoding;
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES)
			throw Object.assign(new Error('request entity too large'), { status: 413 });
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** The request as n8n's webhook server prepares it (raw body reader + parseBody for parsable types). */
export async function asN8nRequest(req: IncomingMessage, url: URL): Promise<N8nRequest> {
	const r = req as N8nRequest;
	const [type, ...params] = String(req.headers['content-type'] ?? '').split(';');
	r.contentType = type.trim().toLowerCase() || undefined;
	const charset = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('charset='));
	r.encoding = (charset ? charset.split('=')[1].toLowerCase() : 'utf-8') as BufferEncoding;
	r.rawBody = await readBody(req);
	r.readRawBody = async () => {};
	const query: IDataObject = {};
	for (const key of new Set(url.searchParams.keys())) {
		const all = url.searchParams.getAll(key);
		query[key] = all.length > 1 ? all : all[0];
	}
	r.query = query;
	r.params = {};
	if (r.rawBody.length) {
		const text = () => r.rawBody!.toString(r.encoding);
		if (r.contentType === 'application/json') r.body = JSON.parse(text());
		else if (r.contentType === 'application/x-www-form-urlencoded')
			r.body = parseQueryString(text());
		else if (r.contentType === 'text/plain') r.body = text();
	}
	return r;
}

export function send(res: ServerResponse, status: number, body: IDataObject) {
	if (res.headersSent) return;
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

/** Captures what was written to a response, for the record. */
export function recordResponse(res: ServerResponse): () => { status: number; body: string } {
	const chunks: Buffer[] = [];
	const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
	(res as unknown as { end: (...args: unknown[]) => ServerResponse }).end = (
		...args: unknown[]
	) => {
		if (args[0] !== undefined && typeof args[0] !== 'function')
			chunks.push(Buffer.from(args[0] as string));
		return end(...args);
	};
	return () => ({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') });
}

export async function listen(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function close(server: Server, sockets: Set<Socket>) {
	for (const socket of sockets) socket.destroy();
	await new Promise<void>((resolve) => server.close(() => resolve()));
}

export function track(server: Server) {
	const sockets = new Set<Socket>();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	return sockets;
}

export async function waitFor<T>(
	check: () => T | undefined,
	timeoutMs: number,
	what: string,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
