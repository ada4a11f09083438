/**
 * ClickUp's errors as a workflow sees them, across operations: rate limits waited out or given up,
 * what is retried (reads) and what is not (creates), connection failures, both of ClickUp's error
 * shapes (v3 and v2) and the Continue On Fail items.
 */
import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { byId, clickup, GENERAL, WS } from './kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, { workspaceId: byId(WS) });
const DM_PATH = `/api/v3/workspaces/${WS}/chat/channels/direct_message`;
const MESSAGES_PATH = `/api/v3/workspaces/${WS}/chat/channels/${GENERAL}/messages`;
const general = { __rl: true, mode: 'list', value: GENERAL, cachedResultName: '#general' };
const openDm = (parameters: Record<string, unknown>, extra?: Parameters<typeof run>[1]) =>
	run({ resource: 'channel', operation: 'createDirectMessage', ...parameters }, extra);
const readMessages = (parameters: Record<string, unknown>, extra?: Parameters<typeof run>[1]) =>
	run({ resource: 'message', operation: 'getAll', ...parameters }, extra);

describe('ClickUp Chat: rate limits and connection failures', () => {
	test('429 with X-RateLimit-Reset is waited out and retried', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: DM_PATH },
			{ status: 429, retryAfter: 1, message: 'Rate limit reached' },
		);
		const result = await openDm({ userIds: '1' });
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('POST', DM_PATH);
		expect(calls).toHaveLength(2);
		// the reset header is whole epoch seconds: the retry must not come before it
		const resetAt = Number((calls[0] as any).fault ? Math.ceil(calls[0].at / 1000 + 1) * 1000 : 0);
		expect(calls[1].at).toBeGreaterThanOrEqual(resetAt - 5);
	});

	test('retries are bounded: a provider that keeps answering 429 gives a clear error', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: DM_PATH, times: 10 },
			{
				status: 429,
				headers: { 'X-RateLimit-Reset': '0', 'Retry-After': '0' },
				message: 'Rate limit reached',
			},
		);
		const result = await openDm({ userIds: '1' });
		expect(result.error?.message).toBe('Rate limit reached');
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toMatch(/Still rate limited after 4 attempt/);
		expect(ctx.sim.calls('POST', DM_PATH)).toHaveLength(4);
	});

	test('a wait longer than the budget fails at once instead of hanging', async () => {
		ctx.sim.fault({ method: 'POST', path: DM_PATH }, { status: 429, retryAfter: 3600 });
		const started = Date.now();
		const result = await openDm({ userIds: '1' });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toMatch(/asks to wait 36\d\d s more/);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(ctx.sim.calls('POST', DM_PATH)).toHaveLength(1);
	});

	test('a 429 on Get Many carries the rate-limit fields once retries are used up', async () => {
		ctx.sim.fault(
			{ method: 'GET', path: MESSAGES_PATH, times: 10 },
			{ status: 429, headers: { 'X-RateLimit-Reset': '0' }, message: 'Rate limit reached' },
		);
		const result = await readMessages({ channelId: general }, { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({
			error: 'Rate limit reached',
			httpCode: '429',
			retryable: true,
		});
		expect(result.items[0].json.requestId).toMatch(/^\d+$/);
		expect(ctx.sim.calls('GET')).toHaveLength(4);
	});

	test('a connection reset becomes a clear error', async () => {
		ctx.sim.fault({ method: 'POST', path: DM_PATH }, { reset: true });
		const result = await openDm({ userIds: '1' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/^Could not reach ClickUp: /);
		// a create is not retried after a reset (it may have been created): one request only
		expect(ctx.sim.calls('POST')).toHaveLength(1);
		expect(result.error?.context).toMatchObject({ code: 'ECONNRESET', retryable: true });
	});

	test('a transient 503 on Send is not retried (the message may exist): one request, a retryable error', async () => {
		ctx.sim.fault({ method: 'POST', path: MESSAGES_PATH }, { status: 503, message: 'Unavailable' });
		const result = await run({
			resource: 'message',
			operation: 'send',
			channelId: general,
			content: 'once',
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('503');
		expect(result.error?.message).toBe('Unavailable');
		expect(result.error?.context).toMatchObject({ retryable: true });
		expect(ctx.sim.calls('POST')).toHaveLength(1);
		expect(ctx.sim.state.messages).toHaveLength(0);
	});
});

describe('ClickUp Chat: Continue On Fail', () => {
	test('failed items carry the error, others their data, all paired', async () => {
		const result = await openDm(
			{ userIds: '={{ $json.ids }}', workspaceId: byId('={{ $json.ws }}') },
			{
				continueOnFail: true,
				items: [
					{ ids: '701', ws: WS },
					{ ids: '702,702', ws: WS },
					{ ids: '703', ws: '555' },
					{ ids: '704', ws: WS },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.created).toBe(true);
		expect(result.items[1].json.error).toMatch(/User IDs: contains "702" more than once/);
		expect(result.items[2].json.error).toBe('Workspace 555 not found');
		expect(result.items[2].json.httpCode).toBe('404');
		expect(result.items[3].json.created).toBe(true);
		// structured fields a workflow branches on
		expect(result.items[1].json).toMatchObject({
			code: 'invalid_parameter',
			field: 'User IDs',
			retryable: false,
		});
		expect(result.items[2].json).toMatchObject({ retryable: false });
		expect(result.items[2].json.requestId).toMatch(/^\d+$/);
		expect(result.items[2].json.code).toBeUndefined();
		expect(result.items[0].json).not.toHaveProperty('retryable');
		// the bad item never reached the simulator
		expect(ctx.sim.calls('POST').map((c) => c.body.user_ids)).toEqual([['701'], ['703'], ['704']]);
	});

	test('the v3 shape gives requestId, the v2 shape gives code, input refused gives field', async () => {
		ctx.sim.fault(
			{ method: 'GET', path: /\/chat\/channels\/8cdu0engineering\/messages$/ },
			{ status: 401, body: { err: 'Team not authorized', ECODE: 'OAUTH_027' } },
		);
		clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: 'message 0' });
		const result = await readMessages(
			{ channelId: byId('={{ $json.channel }}') },
			{
				continueOnFail: true,
				items: [
					{ channel: GENERAL },
					{ channel: 'missing1' },
					{ channel: '8cdu0engineering' },
					{ channel: 'bad/id' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.content).toBe('message 0');
		// v3: { status, message, trace_id, timestamp }
		expect(result.items[1].json).toEqual({
			error: 'Channel missing1 not found',
			errorDescription: expect.stringMatching(/^ClickUp trace ID: \d+\. /),
			httpCode: '404',
			retryable: false,
			requestId: expect.stringMatching(/^\d+$/),
		});
		// v2: { err, ECODE }
		expect(result.items[2].json).toEqual({
			error: 'Team not authorized',
			errorDescription: expect.stringMatching(/^ClickUp code: OAUTH_027\. /),
			httpCode: '401',
			code: 'OAUTH_027',
			retryable: false,
		});
		expect(result.items[3].json).toMatchObject({
			error:
				'Channel: "bad/id" is not an ID: it contains a slash, a backslash or a control character',
			code: 'invalid_parameter',
			field: 'Channel',
			retryable: false,
		});
		// the refused item was never sent
		expect(ctx.sim.calls('GET').map((r) => r.path.split('/')[7])).toEqual([
			GENERAL,
			'missing1',
			'8cdu0engineering',
		]);
	});
});
