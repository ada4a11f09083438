/**
 * The common safe download (nodes/common/download.ts), run inside a node through n8n-core's engine
 * (real request helpers) against local servers: what is refused before any connection, resolved
 * names, the pinned address, redirects checked hop by hop, the size bound while reading, the
 * deadline.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { HostLookup } from '../../nodes/common/download';
import { DownloadError, hostAllowed, safeDownload } from '../../nodes/common/download';
import { runNode } from '../engine/harness';

/** The resolver the probe's next run uses (undefined: n8n's own). */
let probeLookup: HostLookup | null | undefined;

/** A node that downloads its `url` parameter with the options in its parameters. */
class DownloadProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Download Probe',
		name: 'downloadProbe',
		group: ['transform'],
		version: 1,
		description: 'Downloads a URL with the safe download',
		defaults: { name: 'Download Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Options', name: 'options', type: 'json', default: '{}' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const url = this.getNodeParameter('url', 0) as string;
		const raw = this.getNodeParameter('options', 0) as string | IDataObject;
		const options = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject;
		const started = Date.now();
		try {
			const file = await safeDownload(this, url, {
				maxBytes: 1024 * 1024,
				deadlineMs: 10_000,
				...(options as object),
				...(probeLookup !== undefined ? { lookup: probeLookup } : {}),
			});
			return [
				[
					{
						json: {
							ok: true,
							size: file.data.length,
							text: file.data.subarray(0, 200).toString('utf8'),
							url: file.url,
							ms: Date.now() - started,
						},
					},
				],
			];
		} catch (error) {
			const e = error as DownloadError;
			return [
				[
					{
						json: {
							ok: false,
							error: e.message,
							reason: e instanceof DownloadError ? e.reason : 'other',
							ms: Date.now() - started,
						},
					},
				],
			];
		}
	}
}

async function probe(url: string, options: IDataObject = {}, lookup?: HostLookup | null) {
	probeLookup = lookup;
	const result = await runNode({
		node: new DownloadProbe(),
		parameters: { url, options: JSON.stringify(options) },
	});
	expect(result.error).toBeUndefined();
	return result.items[0].json as IDataObject;
}

interface Hit {
	path: string;
	host?: string;
	sent: number;
	closedEarly: boolean;
}

/** A local server answering by path; it records every request and how much of the body it sent. */
async function server(
	routes: Record<string, (req: IncomingMessage, res: ServerResponse, hit: Hit) => unknown>,
) {
	const hits: Hit[] = [];
	const sockets = new Set<Socket>();
	const srv: Server = createServer((req, res) => {
		const hit: Hit = { path: req.url ?? '', host: req.headers.host, sent: 0, closedEarly: false };
		hits.push(hit);
		res.on('close', () => (hit.closedEarly = !res.writableFinished));
		const route = routes[(req.url ?? '').split('?')[0]];
		if (!route) {
			res.writeHead(404).end('nope');
			return;
		}
		void route(req, res, hit);
	});
	srv.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
	const port = (srv.address() as AddressInfo).port;
	return {
		port,
		url: `http://127.0.0.1:${port}`,
		hits,
		stop: async () => {
			for (const s of sockets) s.destroy();
			await new Promise<void>((resolve) => srv.close(() => resolve()));
		},
	};
}

/** Write `total` bytes in 64 KB chunks, pausing `gapMs` between them, until done or the client leaves. */
async function stream(res: ServerResponse, hit: Hit, total: number, gapMs: number) {
	const chunk = Buffer.alloc(64 * 1024, 65);
	while (hit.sent < total && !res.destroyed) {
		res.write(chunk);
		hit.sent += chunk.length;
		await new Promise((resolve) => setTimeout(resolve, gapMs));
	}
	if (!res.destroyed) res.end();
}

const local = { allowLocal: true };
type Srv = Awaited<ReturnType<typeof server>>;
let origin: Srv;
let other: Srv;

beforeAll(async () => {
	other = await server({
		'/meta-data/iam': (_req, res) => res.end('{"AccessKeyId":"INTERNAL-SECRET"}'),
		'/file.csv': (_req, res) => res.end('a,b\r\n1,2\r\n'),
	});
	origin = await server({
		'/file.csv': (_req, res) => {
			res.writeHead(200, { 'content-type': 'text/csv' });
			res.end('a,b\r\n1,2\r\n');
		},
		'/to-other': (_req, res) =>
			res.writeHead(302, { location: `http://127.0.0.2:${other.port}/meta-data/iam` }).end(),
		'/to-other-allowed': (_req, res) =>
			res.writeHead(301, { location: `http://localhost:${other.port}/file.csv` }).end(),
		'/to-relative': (_req, res) => res.writeHead(307, { location: '/file.csv' }).end(),
		'/to-file-scheme': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
		'/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
		'/big': (_req, res, hit) => {
			res.writeHead(200, { 'content-type': 'application/octet-stream' });
			void stream(res, hit, 32 * 1024 * 1024, 2);
		},
		'/big-declared': (_req, res, hit) => {
			res.writeHead(200, { 'content-length': String(16 * 1024 * 1024) });
			void stream(res, hit, 16 * 1024 * 1024, 2);
		},
		'/drip': (_req, res, hit) => {
			res.writeHead(200, { 'content-type': 'text/plain' });
			const tick = () => {
				if (res.destroyed || hit.sent > 10_000) {
					res.end();
					return;
				}
				res.write('x');
				hit.sent += 1;
				setTimeout(tick, 50);
			};
			tick();
		},
		'/missing': (_req, res) => res.writeHead(404).end('not here'),
	});
});
afterAll(async () => {
	await origin?.stop();
	await other?.stop();
});
beforeEach(() => {
	origin.hits.length = 0;
	other.hits.length = 0;
});

describe('safe download: refused before any connection', () => {
	test.each([
		['http://files.example.com/x', 'does not use HTTPS'],
		['ftp://files.example.com/x', 'does not use HTTPS'],
		['https://user:pw@files.example.com/x', 'carries a user name or password'],
		['https://127.0.0.1/x', 'is a loopback address'],
		['https://[::1]/x', 'is a loopback address'],
		['https://[::ffff:127.0.0.1]/x', 'is a loopback address'],
		['https://[::ffff:7f00:1]/x', 'is a loopback address'],
		['https://[::ffff:a9fe:a9fe]/x', 'is a link-local address'],
		['https://169.254.169.254/latest/meta-data/', 'is a link-local address'],
		['https://[64:ff9b::a9fe:a9fe]/x', 'is a link-local address'],
		['https://[64:ff9b::10.0.0.1]/x', 'is a private address'],
		['https://[2002:7f00:1::]/x', 'is a loopback address'],
		['https://[::7f00:1]/x', 'is a loopback address'],
		['https://[fd00::1]/x', 'is a unique-local address'],
		['https://[fe80::1]/x', 'is a link-local address'],
		['https://[ff02::1]/x', 'is a multicast address'],
		['https://224.0.0.1/x', 'is a multicast address'],
		['https://10.1.2.3/x', 'is a private address'],
		['https://0.0.0.0/x', 'is a "this network" address'],
		['https://2130706433/x', 'is a loopback address'],
		['https://0x7f.1/x', 'is a loopback address'],
		['https://localhost/x', 'is a local host name'],
		['https://metadata.internal/x', 'is a local host name'],
		['not a url', 'it is not a URL'],
	])('%s', async (url, message) => {
		const out = await probe(url, {}, async () => {
			throw new Error('no lookup expected');
		});
		expect(out.ok).toBe(false);
		expect(out.reason).toBe('refused');
		expect(out.error).toContain(message);
	});

	test('the simulator setting lets plain http and loopback through, and nothing else changes', async () => {
		const out = await probe(`${origin.url}/file.csv`, local);
		expect(out).toMatchObject({ ok: true, size: 10, text: 'a,b\r\n1,2\r\n' });
		expect(origin.hits).toHaveLength(1);
	});

	test('a host allowlist: only listed names (and *.domain subdomains) are fetched', async () => {
		expect(hostAllowed('files.example.com', ['files.example.com'])).toBe(true);
		expect(hostAllowed('FILES.example.com.', ['files.example.com'])).toBe(true);
		expect(hostAllowed('a.b.example.com', ['*.example.com'])).toBe(true);
		expect(hostAllowed('example.com', ['*.example.com'])).toBe(false);
		expect(hostAllowed('evil-example.com', ['*.example.com'])).toBe(false);
		const out = await probe(`${origin.url}/file.csv`, { ...local, allowedHosts: ['files.test'] });
		expect(out).toMatchObject({ ok: false, reason: 'refused' });
		expect(out.error).toBe('127.0.0.1 is not in the allowed download hosts');
		expect(origin.hits).toHaveLength(0);
	});
});

describe('safe download: names are resolved and every address checked', () => {
	const dns =
		(table: Record<string, string[]>): HostLookup =>
		async (host) => {
			if (!table[host])
				throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
			return table[host];
		};

	test.each([
		[['10.0.0.5'], 'files.example.com points at 10.0.0.5, a private address'],
		[['93.184.216.34', '127.0.0.1'], 'files.example.com points at 127.0.0.1, a loopback address'],
		[
			['2606:2800:220:1::1', '::ffff:a9fe:a9fe'],
			'points at ::ffff:a9fe:a9fe, a link-local address',
		],
		[['64:ff9b::c0a8:101'], 'points at 64:ff9b::c0a8:101, a private address'],
	])('a public name resolving to %j is refused', async (addresses, message) => {
		const out = await probe(
			'https://files.example.com/x.csv',
			{},
			dns({ 'files.example.com': addresses }),
		);
		expect(out).toMatchObject({ ok: false, reason: 'refused' });
		expect(out.error).toContain(message);
	});

	test('a name that does not resolve fails as a network error', async () => {
		const out = await probe('https://nowhere.example.com/x', {}, dns({}));
		expect(out).toMatchObject({ ok: false, reason: 'network' });
		expect(out.error).toContain('nowhere.example.com could not be resolved');
	});

	test('the connection goes to the checked address, with the original Host header (no second lookup)', async () => {
		// files.sim.test exists only in this lookup: a second lookup by name could not connect at all
		const out = await probe(
			`http://files.sim.test:${origin.port}/file.csv`,
			local,
			dns({ 'files.sim.test': ['127.0.0.1'] }),
		);
		expect(out).toMatchObject({
			ok: true,
			size: 10,
			url: `http://files.sim.test:${origin.port}/file.csv`,
		});
		expect(origin.hits.map((h) => h.host)).toEqual([`files.sim.test:${origin.port}`]);
	});

	test('without a resolver (older n8n): names are fetched only when allowlisted', async () => {
		const refused = await probe('https://files.example.com/x', {}, null);
		expect(refused).toMatchObject({ ok: false, reason: 'refused' });
		expect(refused.error).toContain('list the host in the allowed download hosts to trust it');
		const allowed = await probe(
			`http://localhost:${origin.port}/file.csv`,
			{ ...local, allowedHosts: ['localhost'] },
			null,
		);
		expect(allowed).toMatchObject({ ok: true, size: 10 });
	});
});

describe('safe download: redirects are followed by hand, each hop checked', () => {
	test("the issue's attack: a redirect to another internal address is refused and never reached", async () => {
		const out = await probe(`${origin.url}/to-other`, { ...local, allowedHosts: ['127.0.0.1'] });
		expect(out).toMatchObject({ ok: false, reason: 'refused' });
		expect(out.error).toBe('127.0.0.2 is not in the allowed download hosts');
		expect(origin.hits).toHaveLength(1);
		expect(other.hits).toHaveLength(0);
		expect(JSON.stringify(out)).not.toContain('INTERNAL-SECRET');
	});

	test('without the simulator setting the first hop is already refused (plain http, loopback)', async () => {
		const out = await probe(`${origin.url}/to-other`);
		expect(out).toMatchObject({ ok: false, reason: 'refused' });
		expect(origin.hits).toHaveLength(0);
	});

	test('a redirect to an allowed host, or a relative one, is followed', async () => {
		const allowed = await probe(`${origin.url}/to-other-allowed`, {
			...local,
			allowedHosts: ['127.0.0.1', 'localhost'],
		});
		expect(allowed).toMatchObject({
			ok: true,
			size: 10,
			url: `http://localhost:${other.port}/file.csv`,
		});
		const relative = await probe(`${origin.url}/to-relative`, local);
		expect(relative).toMatchObject({ ok: true, url: `${origin.url}/file.csv` });
	});

	test('a redirect to another scheme, or too many redirects, is refused', async () => {
		const scheme = await probe(`${origin.url}/to-file-scheme`, local);
		expect(scheme).toMatchObject({
			ok: false,
			reason: 'refused',
			error: 'file:// does not use HTTPS',
		});
		const loop = await probe(`${origin.url}/loop`, { ...local, maxRedirects: 3 });
		expect(loop).toMatchObject({ ok: false, reason: 'refused', error: 'more than 3 redirects' });
		expect(origin.hits).toHaveLength(1 + 4);
	});

	test('an error status fails with it', async () => {
		const out = await probe(`${origin.url}/missing`, local);
		expect(out).toMatchObject({ ok: false, reason: 'http', error: 'the server answered HTTP 404' });
	});
});

describe('safe download: size and time are bounded while reading', () => {
	test('a body without Content-Length stops at the limit and the connection is closed', async () => {
		const out = await probe(`${origin.url}/big`, { ...local, maxBytes: 1024 * 1024 });
		expect(out).toMatchObject({
			ok: false,
			reason: 'too_large',
			error: 'the file is larger than the allowed 1 MB',
		});
		await waitUntil(() => origin.hits[0]?.closedEarly);
		expect(origin.hits[0].sent).toBeLessThan(8 * 1024 * 1024);
	});

	test('a declared Content-Length above the limit is refused before reading', async () => {
		const out = await probe(`${origin.url}/big-declared`, { ...local, maxBytes: 1024 * 1024 });
		expect(out).toMatchObject({ ok: false, reason: 'too_large' });
		await waitUntil(() => origin.hits[0]?.closedEarly);
		expect(origin.hits[0].sent).toBeLessThan(4 * 1024 * 1024);
	});

	test('a drip feed (a byte every 50 ms, never idle) ends at the total deadline', async () => {
		const out = await probe(`${origin.url}/drip`, {
			...local,
			deadlineMs: 800,
			idleTimeoutMs: 5000,
		});
		expect(out).toMatchObject({
			ok: false,
			reason: 'deadline',
			error: 'the download took longer than 1 s',
		});
		expect(out.ms as number).toBeLessThan(3000);
		await waitUntil(() => origin.hits[0]?.closedEarly);
	});
});

async function waitUntil(check: () => boolean | undefined, timeoutMs = 5000) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
