/**
 * DevRev's error shapes as a workflow sees them: the NodeApiError's structured context and the
 * Continue On Fail item (code = DevRev's `type`, requestId = `reference_id`, retryable per
 * responses.mdx), and which calls are retried after transient failures (reads, not creates).
 */
import { nodeRunner, specs } from '../engine/nodes';
import { allText, providers, useSimulator } from '../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev);

beforeEach(() => ctx.sim.reset({ resetState: true }));

const getChat = (chatId: string) => ({ resource: 'chat', operation: 'get', chatId });

describe('DevRev errors: transient failures', () => {
	test('503 service_unavailable on Get Chat is retried with backoff: one item, 2 requests', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		ctx.sim.fault({ method: 'GET', path: '/chats.get' }, { status: 503 });
		const result = await run(getChat(chat.id));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect((result.items[0].json.chat as Record<string, unknown>).id).toBe(chat.id);
		const calls = ctx.sim.calls('GET', '/chats.get');
		expect(calls).toHaveLength(2);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(200);
	});

	test('a 503 on the POST /chats.get read (by users) is retried too: it is marked idempotent', async () => {
		devrev.seedChat(ctx.sim.state, [7]);
		ctx.sim.fault({ method: 'POST', path: '/chats.get' }, { status: 503 });
		const result = await run({
			resource: 'chat',
			operation: 'get',
			getBy: 'users',
			users: 'DEVU-7',
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', '/chats.get')).toHaveLength(2);
	});

	test('a 500 internal_error on Get Many Messages is retried, then succeeds', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 2);
		ctx.sim.fault({ method: 'GET', path: '/timeline-entries.list' }, { status: 500 });
		const result = await run({
			resource: 'message',
			operation: 'getAll',
			chatId: chat.id,
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(ctx.sim.calls('GET', '/timeline-entries.list')).toHaveLength(2);
	});

	test('a connection reset on the list is retried', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 1);
		ctx.sim.fault({ method: 'GET', path: '/timeline-entries.list' }, { reset: true });
		const result = await run({ resource: 'message', operation: 'getAll', chatId: chat.id });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(ctx.sim.calls('GET', '/timeline-entries.list')).toHaveLength(2);
	});

	test('a 500 that persists gives up after bounded retries, with the reference ID as requestId', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		ctx.sim.fault(
			{ method: 'GET', path: '/chats.get', times: 10 },
			{
				status: 500,
				body: {
					type: 'internal_error',
					message: 'Internal error',
					detail: 'storage timeout',
					reference_id: 'ref-500-xyz',
				},
			},
		);
		const result = await run(getChat(chat.id));
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('500');
		expect(result.error?.message).toBe('Internal error');
		expect(result.error?.description).toMatch(/DevRev reference ID: ref-500-xyz/);
		// each part of the description is a sentence of its own
		expect(result.error?.description).toContain(
			'storage timeout. DevRev reference ID: ref-500-xyz.',
		);
		expect(result.error?.context).toMatchObject({
			code: 'internal_error',
			requestId: 'ref-500-xyz',
			retryable: true,
		});
		expect(ctx.sim.calls('GET', '/chats.get')).toHaveLength(4);
	});

	test('a create is not retried after a 503 (it may have been created)', async () => {
		ctx.sim.fault({ method: 'POST', path: '/chats.create' }, { status: 503 });
		const result = await run({
			resource: 'chat',
			operation: 'createDirectMessage',
			type: 'dm',
			users: 'DEVU-7',
		});
		expect(result.error?.httpCode).toBe('503');
		expect(result.error?.context).toMatchObject({ code: 'service_unavailable', retryable: true });
		expect(ctx.sim.calls('POST', '/chats.create')).toHaveLength(1);
	});

	test('429 on the list is waited out (Retry-After) and retried', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 1);
		ctx.sim.fault(
			{ method: 'GET', path: '/timeline-entries.list' },
			{ status: 429, retryAfter: 1, message: 'Too many requests' },
		);
		const result = await run({ resource: 'message', operation: 'getAll', chatId: chat.id });
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('GET', '/timeline-entries.list');
		expect(calls).toHaveLength(2);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
	});

	test('429 that outlasts the wait budget: too_many_requests, retryable', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		ctx.sim.fault(
			{ method: 'GET', path: '/timeline-entries.list' },
			{
				status: 429,
				headers: { 'Retry-After': '' },
				body: { type: 'too_many_requests', message: 'Slow down', retry_after: 600 },
			},
		);
		const result = await run({ resource: 'message', operation: 'getAll', chatId: chat.id });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.message).toBe('Slow down');
		expect(result.error?.context).toMatchObject({ code: 'too_many_requests', retryable: true });
	});
});

describe('DevRev errors: shapes', () => {
	test('401: code unauthenticated, not retryable, the token nowhere', async () => {
		const bad = 'eyJBAD.TOKEN-FOR-ERRORS.abc';
		const result = await run(getChat('DM-1'), { credential: { accessToken: bad } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('Unauthenticated');
		expect(result.error?.context).toMatchObject({ code: 'unauthenticated', retryable: false });
		expect(ctx.sim.calls('GET', '/chats.get')).toHaveLength(1);
		expect(allText(result.error)).not.toContain(bad);
		expect(allText(result.run)).not.toContain(bad);
	});

	test('403 forbidden: code forbidden, not retryable', async () => {
		ctx.sim.fault({ method: 'GET', path: '/chats.get' }, { status: 403, message: 'Forbidden' });
		const result = await run(getChat('DM-1'));
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.context).toMatchObject({ code: 'forbidden', retryable: false });
		expect(result.error?.context?.requestId).toBeUndefined();
	});

	test('Continue On Fail: each failed item carries error, errorDescription, httpCode, code, retryable, requestId, field', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		ctx.sim.fault(
			{ method: 'GET', path: '/chats.get', times: 4 },
			{
				status: 500,
				body: { type: 'internal_error', message: 'Internal error', reference_id: 'ref-77' },
			},
		);
		const result = await run(
			{ resource: 'chat', operation: 'get', chatId: '={{ $json.id }}' },
			{
				continueOnFail: true,
				items: [{ id: 'DM-1' }, { id: 'DM 2' }, { id: 'DM-404' }, { id: chat.id }],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		// item 0 met the four 500s (first try + 3 retries)
		expect(result.items[0].json).toEqual({
			error: 'Internal error',
			errorDescription: expect.stringContaining('DevRev reference ID: ref-77'),
			httpCode: '500',
			code: 'internal_error',
			retryable: true,
			requestId: 'ref-77',
		});
		expect(result.items[1].json).toMatchObject({
			error: expect.stringMatching(/^Chat ID: "DM 2" is not a DevRev ID/),
			code: 'invalid_parameter',
			field: 'Chat ID',
			retryable: false,
		});
		expect(result.items[2].json).toEqual({
			error: 'chat DM-404 not found',
			errorDescription: expect.stringContaining('DevRev code: not_found'),
			httpCode: '404',
			code: 'not_found',
			retryable: false,
		});
		expect((result.items[3].json.chat as Record<string, unknown>).id).toBe(chat.id);
		expect(result.items[3].json).not.toHaveProperty('retryable');
	});
});
