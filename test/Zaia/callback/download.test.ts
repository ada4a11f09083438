/**
 * Download Linked File, as an attacker who knows a callback URL would use it: the Zaia Trigger
 * (version 2, secret in its credential) and Export → Wait for the Export download through the
 * common safe download; the credential's Allow Local Downloads (the simulator's setting) and
 * Download Hosts decide what a link may reach.
 */
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ZaiaTriggerApi } from '../../../credentials/ZaiaTriggerApi.credentials';
import { ZaiaTrigger } from '../../../nodes/Zaia/ZaiaTrigger.node';
import { startTriggerServer } from '../../engine/webhook';
import type { TriggerServer } from '../../engine/webhook';
import { allText, providers, useSimulator } from '../../helpers';
import { SECRET, resetCallbacks } from '../kit';

const ctx = useSimulator('zaia');

/** A Zaia Trigger (version 2) with Download Linked File on and the given trigger credential. */
async function trigger(credential: IDataObject = {}, options: INodeParameters = {}) {
	return await startTriggerServer({
		node: new ZaiaTrigger(),
		typeVersion: 2,
		parameters: { downloadFile: true, options },
		credentialTypes: [new ZaiaTriggerApi()],
		credentials: { zaiaTriggerApi: { secret: SECRET, ...credential } },
	});
}

async function callback(server: TriggerServer, body: unknown) {
	const response = await fetch(`${server.url}?secret=${SECRET}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	expect(response.status).toBe(200);
	const [hit] = await server.waitForHits(1);
	expect(hit.items).toHaveLength(1);
	return hit.items![0];
}

/** What an attacker points the link at: an "internal" service, and a hop that redirects there. */
let internal: { server: Server; port: number; hits: string[] };
let hop: { server: Server; port: number; hits: string[] };

async function listen(handler: (url: string, res: ServerResponse) => void) {
	const hits: string[] = [];
	const server = createServer((req, res) => {
		hits.push(req.url ?? '');
		handler(req.url ?? '', res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, port: (server.address() as AddressInfo).port, hits };
}

beforeAll(async () => {
	internal = await listen((_url, res) => res.end('{"AccessKeyId":"INTERNAL-CREDENTIAL"}'));
	hop = await listen((_url, res) =>
		res
			.writeHead(302, { location: `http://127.0.0.2:${internal.port}/latest/meta-data/iam` })
			.end(),
	);
});
afterAll(async () => {
	for (const s of [internal, hop]) await new Promise((resolve) => s?.server.close(resolve));
});
beforeEach(() => {
	resetCallbacks(ctx.sim);
	ctx.sim.state.downloadBehaviour = null;
	internal.hits.length = 0;
	hop.hits.length = 0;
});

describe('Zaia Trigger: Download Linked File refuses what a callback must not reach', () => {
	test("the issue's attack (http://127.0.0.1 → 302 → 127.0.0.2 metadata): nothing is fetched", async () => {
		const server = await trigger();
		try {
			const item = await callback(server, { downloadUrl: `http://127.0.0.1:${hop.port}/x` });
			const json = item.json as any;
			expect(json.format).toBe('downloadUrl');
			expect(json.downloaded).toBeUndefined();
			expect(json.downloadError).toBe(
				`The file at http://127.0.0.1:${hop.port}/x was not fetched: http://127.0.0.1:${hop.port} does not use HTTPS.`,
			);
			expect(item.binary).toBeUndefined();
			expect(hop.hits).toEqual([]);
			expect(internal.hits).toEqual([]);
		} finally {
			await server.stop();
		}
	});

	test.each([
		['https://169.254.169.254/latest/meta-data/iam', 'is a link-local address'],
		['https://[::ffff:a9fe:a9fe]/latest/meta-data/iam', 'is a link-local address'],
		['https://[::ffff:7f00:1]:8443/admin', 'is a loopback address'],
		['https://[64:ff9b::a9fe:a9fe]/latest', 'is a link-local address'],
		['https://10.0.0.8/internal.csv', 'is a private address'],
		['https://files.internal/x.csv', 'is a local host name'],
	])('%s is refused', async (downloadUrl, reason) => {
		const server = await trigger();
		try {
			const item = await callback(server, { result: { fileUrl: downloadUrl } });
			expect((item.json as any).downloadError).toContain(reason);
			expect(item.binary).toBeUndefined();
		} finally {
			await server.stop();
		}
	});

	test('with the simulator setting, a redirect to a host outside Download Hosts is refused at that hop', async () => {
		const server = await trigger({ allowLocalDownloads: true, downloadHosts: '127.0.0.1' });
		try {
			const item = await callback(server, { downloadUrl: `http://127.0.0.1:${hop.port}/x` });
			expect((item.json as any).downloadError).toBe(
				`The file at http://127.0.0.1:${hop.port}/x was not fetched: 127.0.0.2 is not in the allowed download hosts.`,
			);
			expect(hop.hits).toEqual(['/x']);
			expect(internal.hits).toEqual([]);
			expect(allText(item)).not.toContain('INTERNAL-CREDENTIAL');
		} finally {
			await server.stop();
		}
	});

	test('the simulator setting (Allow Local Downloads) lets the simulated export file through', async () => {
		const server = await trigger({ allowLocalDownloads: true });
		try {
			ctx.sim.state.callbackForm = 'downloadUrl';
			const job = await exportTo(server);
			const [hit] = await server.waitForHits(1);
			const item = hit.items![0];
			const json = item.json as any;
			expect(json.format).toBe('downloadUrl');
			expect(json.downloaded).toBe(true);
			expect(json.file).toMatchObject({ mimeType: 'text/csv' });
			expect(item.binary?.data.fileName).toBe(json.body.fileName);
			expect(Buffer.from(item.binary!.data.data, 'base64').toString('utf8')).toContain(
				'"Hi, my order has not arrived"',
			);
			expect(ctx.sim.state.downloads).toEqual([job]);
		} finally {
			await server.stop();
		}
	});

	test('a file larger than Max Body Size stops downloading at the limit (no Content-Length)', async () => {
		const server = await trigger({ allowLocalDownloads: true }, { maxBodySizeMb: 1 });
		try {
			ctx.sim.state.callbackForm = 'downloadUrl';
			ctx.sim.state.downloadBehaviour = { bytes: 24 * 1024 * 1024 };
			await exportTo(server);
			const [hit] = await server.waitForHits(1);
			const json = hit.items![0].json as any;
			expect(json.downloadError).toMatch(
				/^Could not download the file at http:\/\/127\.0\.0\.1:\d+\/exports\/[0-9a-f-]+\/download: the file is larger than the allowed 1 MB\.$/,
			);
			expect(hit.items![0].binary).toBeUndefined();
			// the simulator stopped writing soon after the limit, far from the 24 MB it would send
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(ctx.sim.state.downloadSent).toBeLessThan(6 * 1024 * 1024);
		} finally {
			await server.stop();
		}
	});
});

/** Ask the simulator for an export whose callback goes to the trigger; resolves with the export's id. */
async function exportTo(server: TriggerServer): Promise<string> {
	const response = await fetch(`${ctx.sim.baseUrl}/api/v1/chat-messages/export`, {
		method: 'POST',
		headers: { authorization: providers.zaia.API_KEY, 'content-type': 'application/json' },
		body: JSON.stringify({
			rangeStart: '2025-02-15T00:00:00.000Z',
			rangeEnd: '2025-04-01T00:00:00.000Z',
			language: 'enUs',
			callbackUrl: `${server.url}?secret=${SECRET}`,
		}),
	});
	expect(response.status).toBe(200);
	return [...ctx.sim.state.exports.keys()].at(-1) as string;
}
