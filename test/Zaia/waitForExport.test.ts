import { createHmac } from 'node:crypto';

import { waitNonceKey } from '../../nodes/Zaia/helpers/waitForExport';
import { Zaia } from '../../nodes/Zaia/Zaia.node';
import { NODE_NAME } from '../engine/harness';
import { nodeRunner, specs } from '../engine/nodes';
import type { RunExtra } from '../engine/runner';
import { startWaitingServer } from '../engine/webhook';
import type { WaitingServer } from '../engine/webhook';
import { allText, useSimulator } from '../helpers';
import { EXPORT, resetCallbacks, zaia } from './kit';

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, {
	resource: 'chatMessage',
	operation: 'export',
	deliverTo: 'wait',
	rangeStart: '2025-02-15T00:00:00.000Z',
	additionalFields: { rangeEnd: '2025-04-01T00:00:00.000Z' },
	waitAmount: 1,
	waitUnit: 'hours',
});
const CALLBACK_SECRET = 'callback-secret-0123456789abcdef';
const NODE_ID = 'under-test'; // the id runNode gives the node under test

let waiting: WaitingServer;
beforeAll(async () => {
	waiting = await startWaitingServer();
});
afterAll(async () => waiting?.stop());
beforeEach(() => resetCallbacks(ctx.sim));

let counter = 0;
/** The credential a waiting execution is started and resumed with (stored with it, as n8n does). */
function credentialsFor(extra: Record<string, unknown> = {}) {
	return {
		credentialTypes: specs.zaia.credentialTypes,
		credentials: {
			zaiaApi: {
				...specs.zaia.credentials(ctx.sim).zaiaApi,
				callbackSecret: CALLBACK_SECRET,
				...extra,
			},
		},
	};
}

/** Start "Wait for the Export" in a fresh execution; the run is stored like n8n's database would. */
async function startWaiting(
	parameters: Record<string, unknown> = {},
	extra: RunExtra = {},
	credentialExtra: Record<string, unknown> = {},
) {
	const executionId = `exec-wait-${++counter}`;
	const creds = credentialsFor(credentialExtra);
	const before = Date.now();
	const result = await run(parameters, {
		credentials: creds.credentials,
		items: [{ order: 4411 }],
		additionalData: { executionId, webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl },
		...extra,
	});
	if (result.status === 'waiting') waiting.store(executionId, result, creds);
	return { executionId, result, before };
}

/** The one-time value the wait kept in the execution's custom data (n8n stores it with the execution). */
function nonceOf(result: { run: { data: { resultData: { metadata?: Record<string, string> } } } }) {
	const nonce = result.run.data.resultData.metadata?.[waitNonceKey(NODE_ID)];
	expect(nonce).toMatch(/^[A-Za-z0-9_-]{24}$/);
	return nonce as string;
}

/**
 * The token: HMAC-SHA256(callbackSecret, "zaia-export-resume/v2\n<execution>\n<node>\n<one-time
 * value>"), base64url; without a one-time value (an execution from before it existed) the v1 scope.
 */
function expectedToken(executionId: string, key = CALLBACK_SECRET, nonce?: string) {
	const scope =
		nonce === undefined
			? `zaia-export-resume/v1\n${executionId}\n${NODE_ID}`
			: `zaia-export-resume/v2\n${executionId}\n${NODE_ID}\n${nonce}`;
	return createHmac('sha256', key).update(scope).digest('base64url');
}

describe('Zaia: Export → Wait for the Export', () => {
	test('puts the execution to wait with the signed resume URL as callbackUrl; the callback resumes it with the export as output', async () => {
		const { executionId, result, before } = await startWaiting();
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('waiting');
		const waitTill = new Date(result.run.waitTill!).getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
		expect(waitTill).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000);
		// while waiting, the node has passed its input on (as the Wait node does)
		expect(result.items.map((i) => i.json.order)).toEqual([4411]);

		const [call] = ctx.sim.calls('POST', EXPORT);
		expect(call.rejected).toBeUndefined();
		expect(call.body.callbackUrl).toBe(
			`${waiting.webhookWaitingBaseUrl}/${executionId}?zaiaToken=${expectedToken(executionId, CALLBACK_SECRET, nonceOf(result))}`,
		);
		expect(call.body).toMatchObject({
			rangeStart: '2025-02-15T00:00:00.000Z',
			rangeEnd: '2025-04-01T00:00:00.000Z',
			language: 'enUs',
		});

		const finished = await waiting.waitForFinish(executionId);
		expect(finished.status).toBe('success');
		const output = finished.data.resultData.runData[NODE_NAME].at(-1)!.data!.main[0]!;
		expect(output).toHaveLength(1);
		const json = output[0].json as any;
		// issue 11: the export first (Zaia's field names), then callbackReceived, then how it arrived
		expect(Object.keys(json)).toEqual([
			'exportId',
			'status',
			'language',
			'rangeStart',
			'rangeEnd',
			'count',
			'messages',
			'callbackReceived',
			'callback',
		]);
		expect(json.callbackReceived).toBe(true);
		expect(Object.keys(json.callback)).toEqual(['format', 'headers', 'query', 'receivedAt']);
		expect(json.callback.format).toBe('json');
		expect(json.messages).toHaveLength(3);
		expect(json.callback.query).toEqual({});
		expect(finished.data.resultData.runData[NODE_NAME]).toHaveLength(1);
		expect(waiting.execution(executionId)?.status).toBe('success');
		const deadline = Date.now() + 3000;
		while (ctx.sim.state.callbacks.length === 0 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 10));
		const [callback] = ctx.sim.state.callbacks;
		expect(callback.status).toBe(200);
		expect(JSON.parse(callback.body)).toEqual({ received: true });
		expect(allText(finished)).not.toContain(CALLBACK_SECRET);
		expect(allText(finished)).not.toContain(zaia.API_KEY);
	});

	test('a forged resume gets 401 and the execution stays waiting; the real callback still resumes it', async () => {
		ctx.sim.state.callbackDelayMs = 500;
		const { executionId, result } = await startWaiting();
		const nonce = nonceOf(result);
		const base = `${waiting.webhookWaitingBaseUrl}/${executionId}`;
		const forged = [
			await fetch(base, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"forged":true}',
			}),
			await fetch(`${base}?zaiaToken=${expectedToken(executionId, 'guessed-secret', nonce)}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"forged":true}',
			}),
			await fetch(`${base}?zaiaToken=${expectedToken('exec-other', CALLBACK_SECRET, nonce)}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"forged":true}',
			}),
			// the token of the scheme before the one-time value: not accepted once a wait has one
			await fetch(`${base}?zaiaToken=${expectedToken(executionId)}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"forged":true}',
			}),
		];
		expect(forged.map((r) => r.status)).toEqual([401, 401, 401, 401]);
		const stored = waiting.execution(executionId)!;
		expect(stored.status).toBe('waiting');
		expect(stored.waitTill).toBeDefined();
		expect(stored.data.resultData.runData[NODE_NAME]).toHaveLength(1);

		const finished = await waiting.waitForFinish(executionId);
		const json = finished.data.resultData.runData[NODE_NAME].at(-1)!.data!.main[0]![0].json as any;
		expect(json.forged).toBeUndefined();
		expect(json.status).toBe('completed');
	});

	test('CSV callback resumes with the file as binary', async () => {
		ctx.sim.state.callbackForm = 'csv';
		const { executionId } = await startWaiting();
		const finished = await waiting.waitForFinish(executionId);
		const item = finished.data.resultData.runData[NODE_NAME].at(-1)!.data!.main[0]![0];
		expect(Object.keys(item.json)).toEqual(['callbackReceived', 'callback']);
		expect((item.json as any).callback.format).toBe('file');
		expect(item.binary?.data.mimeType).toBe('text/csv');
		expect(item.binary?.data.fileName).toMatch(/\.csv$/);
		expect(Buffer.from(item.binary!.data.data, 'base64').toString('utf8')).toContain(
			'"It is #4411"',
		);
	});

	test('download-URL callback with Download Linked File resumes with the downloaded file', async () => {
		ctx.sim.state.callbackForm = 'downloadUrl';
		// the simulator serves the file over plain http on 127.0.0.1: its credential setting
		const { executionId } = await startWaiting(
			{ downloadFile: true },
			{},
			{ allowLocalDownloads: true },
		);
		const finished = await waiting.waitForFinish(executionId);
		const item = finished.data.resultData.runData[NODE_NAME].at(-1)!.data!.main[0]![0];
		expect((item.json as any).status).toBe('completed');
		expect((item.json as any).callback.format).toBe('downloadUrl');
		expect((item.json as any).callback.downloaded).toBe(true);
		expect(item.binary?.data.mimeType).toBe('text/csv');
		expect(ctx.sim.state.downloads).toHaveLength(1);
	});

	test('without Allow Local Downloads the simulated link is not fetched: the export arrives without the file', async () => {
		ctx.sim.state.callbackForm = 'downloadUrl';
		const { executionId } = await startWaiting({ downloadFile: true });
		const finished = await waiting.waitForFinish(executionId);
		const item = finished.data.resultData.runData[NODE_NAME].at(-1)!.data!.main[0]![0];
		expect((item.json as any).callback.downloadError).toMatch(
			/^The file at http:\/\/127\.0\.0\.1:\d+\/exports\/[0-9a-f-]+\/download was not fetched: http:\/\/127\.0\.0\.1:\d+ does not use HTTPS\.$/,
		);
		expect(item.binary).toBeUndefined();
		expect(ctx.sim.state.downloads).toHaveLength(0);
	});

	test('without a Callback Secret the token is derived from the API key', async () => {
		const { executionId, result } = await startWaiting({}, {}, { callbackSecret: '' });
		const derivedKey = createHmac('sha256', zaia.API_KEY)
			.update('zaia-n8n-export-callback-key/v1')
			.digest('hex');
		expect(ctx.sim.calls('POST', EXPORT)[0].body.callbackUrl).toBe(
			`${waiting.webhookWaitingBaseUrl}/${executionId}?zaiaToken=${expectedToken(executionId, derivedKey, nonceOf(result))}`,
		);
		const finished = await waiting.waitForFinish(executionId);
		expect(finished.status).toBe('success');
	});

	test("n8n's own resume token (signature=) stays in the URL and is checked as n8n does", async () => {
		ctx.sim.state.callbackDelayMs = 400;
		const { executionId, result } = await startWaiting();
		// the harness run has no resumeToken; store a copy that has one, as n8n >= 2.x executions do
		const withToken = {
			...result,
			run: { ...result.run, data: { ...result.run.data, resumeToken: 'n8n-resume-token-123' } },
		};
		waiting.store(executionId, withToken as typeof result, credentialsFor());
		const token = expectedToken(executionId, CALLBACK_SECRET, nonceOf(result));
		const tokenOnly = await fetch(
			`${waiting.webhookWaitingBaseUrl}/${executionId}?zaiaToken=${token}`,
			{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
		);
		expect(tokenOnly.status).toBe(401);
		expect(waiting.execution(executionId)?.status).toBe('waiting');
		const both = await fetch(
			`${waiting.webhookWaitingBaseUrl}/${executionId}?signature=n8n-resume-token-123&zaiaToken=${token}`,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"manual":true}',
			},
		);
		expect(both.status).toBe(200);
		const finished = await waiting.waitForFinish(executionId);
		const json = finished.data.resultData.runData[NODE_NAME].at(-1)!.data!.main[0]![0].json as any;
		expect(json.manual).toBe(true);
		expect(Object.keys(json)).toEqual(['manual', 'callbackReceived', 'callback']);
		expect(json.callback.query).toEqual({});
	});

	test.each([
		[
			'two input items',
			{},
			{ items: [{ a: 1 }, { a: 2 }] },
			/Wait for the Export handles one input item per execution, got 2/,
		],
		[
			'a 7-month range',
			{ additionalFields: { rangeEnd: '2025-09-16T00:00:00.000Z' } },
			{},
			/longer than 6 months/,
		],
		[
			'a non-HTTPS resume URL',
			{},
			{
				additionalData: {
					executionId: 'exec-x',
					webhookWaitingBaseUrl: 'http://n8n.example.com/webhook-waiting',
				},
			},
			/resume URL .*must use https:\/\//,
		],
		[
			'a time limit over 30 days',
			{ waitAmount: 31, waitUnit: 'days' },
			{},
			/Time Limit: must be at most 30 days/,
		],
	])('%s is rejected before sending', async (_label, parameters, extra, message) => {
		const { result } = await startWaiting(parameters, extra as RunExtra);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('when the time limit passes without a callback, the node passes its input on; a late callback is refused', async () => {
		ctx.sim.state.callbackDelayMs = 300;
		const { executionId } = await startWaiting();
		const finished = await waiting.expire(executionId);
		expect(finished.status).toBe('success');
		const output = finished.data.resultData.runData[NODE_NAME].at(-1)!.data!.main[0]!;
		expect(output.map((i) => i.json.order)).toEqual([4411]);
		expect(output[0].json.callbackReceived).toBeUndefined();
		const deadline = Date.now() + 3000;
		while (!waiting.hits.some((h) => h.executionId === executionId) && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 10));
		const late = waiting.hits.find((h) => h.executionId === executionId)!;
		expect(late.status).toBe(409);
		expect(late.run).toBeUndefined();
	});

	test('a 412 from Zaia fails the node and nothing waits', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: EXPORT },
			{
				status: 412,
				body: zaia.errorBody(412, 'Export period exceeds 6 months.', {
					enUs: 'The export period can be at most 6 months.',
				}),
			},
		);
		const { result } = await startWaiting();
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('412');
		expect(result.run.waitTill).toBeUndefined();
	});
});

describe('Zaia: Export → Wait for the Export, the callback race and unreachable resume URLs', () => {
	test("a callback before n8n stored the wait gets n8n's 409; the execution waits out its Time Limit and passes its input on without callbackReceived", async () => {
		ctx.sim.state.callbackDelayMs = 0;
		const executionId = `exec-wait-race-${++counter}`;
		waiting.markRunning(executionId);
		const creds = credentialsFor();
		const result = await run(
			{},
			{
				credentials: creds.credentials,
				items: [{ order: 4411 }],
				additionalData: { executionId, webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl },
			},
		);
		expect(result.status).toBe('waiting');
		// Zaia called back while the execution was still running (not yet stored as waiting)
		// this execution's callback (a delayed callback of an earlier test may land in the log too)
		const ours = () =>
			(ctx.sim.state.callbacks as Array<{ url: string; status: number; body: string }>).filter(
				(c) => c.url.includes(executionId),
			);
		const deadline = Date.now() + 3000;
		while (ours().length === 0 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 10));
		const [early] = ours();
		expect(early.status).toBe(409);
		expect(JSON.parse(early.body)).toEqual({
			message: `The execution "${executionId}" is running already.`,
		});
		const [hit] = waiting.hits.filter((h) => h.executionId === executionId);
		expect(hit.result).toBeUndefined(); // the node's webhook never ran
		waiting.store(executionId, result, creds);
		expect(waiting.execution(executionId)?.status).toBe('waiting');

		const finished = await waiting.expire(executionId);
		expect(finished.status).toBe('success');
		const output = finished.data.resultData.runData[NODE_NAME].at(-1)!.data!.main[0]!;
		expect(output.map((item) => item.json.order)).toEqual([4411]);
		expect(output[0].json).not.toHaveProperty('callbackReceived');
	});

	test('the node says so in its parameters: the wait notice documents the 409 and callbackReceived', () => {
		const notice = new Zaia().description.properties.find((p) => p.name === 'waitNotice')!;
		expect(notice.displayName).toMatch(/answered 409 by n8n itself/);
		expect(notice.displayName).toMatch(/without callbackReceived/);
	});

	test.each([
		['http://127.0.0.1:5678/webhook-waiting', '127.0.0.1'],
		['https://n8n.internal/webhook-waiting', 'n8n.internal'],
		['https://192.168.1.20/webhook-waiting', '192.168.1.20'],
	])(
		'against a real Zaia Base URL, a resume URL under %s is refused before sending',
		async (base, host) => {
			const { result } = await startWaiting(
				{},
				{ additionalData: { executionId: 'exec-private', webhookWaitingBaseUrl: base } },
				{ baseUrl: 'https://api.endless.zaia.app' },
			);
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(
				`n8n's resume URL (set WEBHOOK_URL to the public https address of n8n): points at ${host}, a private, link-local or loopback host that Zaia cannot reach from the internet (Zaia refuses it: the callback URL "must point to a public server"); set n8n's WEBHOOK_URL to its public HTTPS address`,
			);
			expect(result.error?.context).toMatchObject({
				code: 'invalid_parameter',
				retryable: false,
			});
			expect(ctx.sim.requests).toHaveLength(0);
		},
	);
});
