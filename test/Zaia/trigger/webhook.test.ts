import { nodeRunner, specs } from '../../engine/nodes';
import { allText, useSimulator } from '../../helpers';
import { SECRET, resetCallbacks, trigger, waitForCallbacks } from '../kit';

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, {
	resource: 'chatMessage',
	operation: 'export',
	rangeStart: '2025-02-15T00:00:00.000Z',
});

beforeEach(() => resetCallbacks(ctx.sim));

describe('Zaia Trigger: the export callback, as the simulator sends it', () => {
	const params = { deliverTo: 'url', additionalFields: { rangeEnd: '2025-04-01T00:00:00.000Z' } };

	test('JSON callback: output as is, raw headers kept, the secret nowhere', async () => {
		const server = await trigger();
		try {
			ctx.sim.state.callbackForm = 'json';
			await run({ ...params, callbackUrl: `${server.url}?secret=${SECRET}&source=zaia` });
			const [hit] = await server.waitForHits(1);
			const [callback] = await waitForCallbacks(ctx.sim, server.url);
			expect(callback.status).toBe(200);
			expect(JSON.parse(callback.body)).toEqual({ received: true });
			expect(hit.items).toHaveLength(1);
			const json = hit.items![0].json as any;
			expect(json.format).toBe('json');
			expect(json.body.status).toBe('completed');
			expect(json.body.messages).toHaveLength(3);
			expect(json.body.messages[0].content).toBe('Hi, my order has not arrived');
			expect(json.headers['x-zaia-export-id']).toBe(json.body.exportId);
			expect(json.headers['user-agent']).toMatch(/Zaia-Export/);
			expect(json.query).toEqual({ source: 'zaia' });
			expect(hit.items![0].binary).toBeUndefined();
			expect(allText(hit.run)).not.toContain(SECRET);
		} finally {
			await server.stop();
		}
	});

	test('CSV file callback: binary with the file name and MIME type', async () => {
		const server = await trigger();
		try {
			ctx.sim.state.callbackForm = 'csv';
			await run({ ...params, callbackUrl: `${server.url}?secret=${SECRET}` });
			const [hit] = await server.waitForHits(1);
			const item = hit.items![0];
			const json = item.json as any;
			expect(json.format).toBe('file');
			expect(json.file.fileName).toMatch(/^chat-messages-[0-9a-f-]+\.csv$/);
			expect(json.file.mimeType).toBe('text/csv');
			expect(item.binary?.data.fileName).toBe(json.file.fileName);
			expect(item.binary?.data.mimeType).toBe('text/csv');
			const csv = Buffer.from(item.binary!.data.data, 'base64').toString('utf8');
			expect(csv.split('\r\n')[0]).toBe('createdAt,chatId,role,senderId,content');
			expect(csv).toContain('"It is #4411"');
			expect(json.headers['content-disposition']).toMatch(/attachment/);
		} finally {
			await server.stop();
		}
	});

	test('download-URL callback: JSON output with the URL, not fetched unless asked', async () => {
		const server = await trigger({ downloadFile: false });
		try {
			ctx.sim.state.callbackForm = 'downloadUrl';
			await run({ ...params, callbackUrl: `${server.url}?secret=${SECRET}` });
			const [hit] = await server.waitForHits(1);
			const json = hit.items![0].json as any;
			expect(json.format).toBe('downloadUrl');
			expect(json.downloadUrl).toBe(json.body.downloadUrl);
			expect(json.downloadUrl).toMatch(new RegExp(`^${ctx.sim.baseUrl}/exports/`));
			expect(hit.items![0].binary).toBeUndefined();
			expect(ctx.sim.state.downloads).toHaveLength(0);
		} finally {
			await server.stop();
		}
	});

	// Download Linked File with the simulator's file: test/Zaia/callback/download.test.ts (it needs
	// the trigger credential's Allow Local Downloads, which a version 1 trigger has no place for)

	test('a callback without the secret gets 401 and starts nothing', async () => {
		const server = await trigger();
		try {
			await run({ ...params, callbackUrl: server.url });
			const [hit] = await server.waitForHits(1);
			const [callback] = await waitForCallbacks(ctx.sim, server.url);
			expect(callback.status).toBe(401);
			expect(hit.status).toBe(401);
			expect(hit.result?.workflowData).toBeUndefined();
			expect(hit.run).toBeUndefined();
		} finally {
			await server.stop();
		}
	});

	test('wrong secret → 401; the secret in the header is accepted and removed from the output', async () => {
		const server = await trigger();
		try {
			const wrong = await fetch(`${server.url}?secret=${SECRET}x`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"a":1}',
			});
			expect(wrong.status).toBe(401);
			const header = await fetch(server.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-zaia-secret': SECRET },
				body: '{"a":1}',
			});
			expect(header.status).toBe(200);
			const hits = await server.waitForHits(2);
			expect(hits[0].run).toBeUndefined();
			const json = hits[1].items![0].json as any;
			expect(json.body).toEqual({ a: 1 });
			expect(json.headers['x-zaia-secret']).toBeUndefined();
		} finally {
			await server.stop();
		}
	});

	test('a trigger whose secret is too short refuses everything', async () => {
		const server = await trigger({}, 'short');
		try {
			const response = await fetch(`${server.url}?secret=short`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			expect(response.status).toBe(401);
			const [hit] = await server.waitForHits(1);
			expect(hit.run).toBeUndefined();
		} finally {
			await server.stop();
		}
	});

	test('a body over the size cap gets 413 and starts nothing', async () => {
		const server = await trigger({ options: { maxBodySizeMb: 1 } });
		try {
			const big = Buffer.alloc(1024 * 1024 + 10, 65);
			const response = await fetch(`${server.url}?secret=${SECRET}`, {
				method: 'POST',
				headers: { 'content-type': 'text/csv' },
				body: big,
			});
			expect(response.status).toBe(413);
			const [hit] = await server.waitForHits(1);
			expect(hit.run).toBeUndefined();
		} finally {
			await server.stop();
		}
	});

	test('file name from filename*, and an unnamed ZIP gets a default name', async () => {
		const server = await trigger();
		try {
			await fetch(`${server.url}?secret=${SECRET}`, {
				method: 'POST',
				headers: {
					'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
					'content-disposition': "attachment; filename*=UTF-8''relat%C3%B3rio%20mar%C3%A7o.xlsx",
				},
				body: Buffer.from([0x50, 0x4b, 3, 4, 1, 2]),
			});
			await fetch(`${server.url}?secret=${SECRET}`, {
				method: 'POST',
				headers: { 'content-type': 'application/zip' },
				body: Buffer.from([0x50, 0x4b, 3, 4]),
			});
			const hits = await server.waitForHits(2);
			expect(hits[0].items![0].binary?.data.fileName).toBe('relatório março.xlsx');
			expect((hits[0].items![0].json as any).file.fileSize).toBe(6);
			expect(hits[1].items![0].binary?.data.fileName).toBe('zaia-export.zip');
			expect(hits[1].items![0].binary?.data.mimeType).toBe('application/zip');
		} finally {
			await server.stop();
		}
	});
});
