import { allText, useSimulator } from '../helpers';
import { gr, gravityRailRunner } from './runner';

const ctx = useSimulator('gravityrail');
const run = gravityRailRunner(ctx);
const WS: string = gr.WORKSPACE_UUID;
const CHATS = `/api/v2/w/${WS}/chats`;

beforeEach(() => ctx.sim.reset({ resetState: true }));

const lists = () => ctx.sim.requests.filter((r) => r.method === 'GET' && r.path === CHATS);

describe('Gravity Rail: Get Many chats', () => {
	test('one item per chat, limit/offset sent, the exact path from the credential', async () => {
		gr.seedChats(ctx.sim.state, 3);
		const result = await run({ operation: 'getAll' });
		expect(result.error).toBeUndefined();
		expect(lists()).toHaveLength(1);
		expect(lists()[0].query).toEqual({ limit: 50, offset: 0 });
		expect(lists()[0].headers.authorization).toBe(`Bearer ${gr.API_KEY}`);
		expect(lists()[0].rejected).toBeUndefined();
		expect(result.items.map((i) => i.json.title)).toEqual(['Chat 1', 'Chat 2', 'Chat 3']);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(result.items[0].json).toMatchObject({ channel: 'web-chat', workspaceUuid: WS });
	});

	test('Return All pages by offset through 3 pages (the last one short)', async () => {
		gr.seedChats(ctx.sim.state, 250);
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(250);
		expect(result.items[249].json.title).toBe('Chat 250');
		expect(lists().map((c) => c.query)).toEqual([
			{ limit: 100, offset: 0 },
			{ limit: 100, offset: 100 },
			{ limit: 100, offset: 200 },
		]);
	});

	test('Return All with an exact multiple of the page size: one empty page ends it', async () => {
		gr.seedChats(ctx.sim.state, 200);
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(200);
		expect(lists().map((c) => c.query.offset)).toEqual([0, 100, 200]);
	});

	test('Limit asks only for what is missing and stops there', async () => {
		gr.seedChats(ctx.sim.state, 250);
		const result = await run({ operation: 'getAll', limit: 130 });
		expect(result.items).toHaveLength(130);
		expect(result.items.at(-1)?.json.title).toBe('Chat 130');
		expect(lists().map((c) => c.query)).toEqual([
			{ limit: 100, offset: 0 },
			{ limit: 30, offset: 100 },
		]);
	});

	test('a list wrapped in an object ({ chats }) is read the same way', async () => {
		gr.seedChats(ctx.sim.state, 3);
		ctx.sim.state.listShape = 'wrapped';
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.title)).toEqual(['Chat 1', 'Chat 2', 'Chat 3']);
	});

	test('Additional Query Parameters are sent, and win over limit/offset', async () => {
		gr.seedChats(ctx.sim.state, 2);
		gr.seedChats(ctx.sim.state, 1, { channel: 'email', title: 'Mail' });
		const result = await run({
			operation: 'getAll',
			additionalQueryParameters: '{"channel": "email", "limit": 5}',
		});
		expect(result.error).toBeUndefined();
		expect(lists()[0].query).toEqual({ channel: 'email', limit: 5, offset: 0 });
		expect(result.items.map((i) => i.json.title)).toEqual(['Mail']);
	});

	test('an API that ignores offset: paging stops with an error, never loops', async () => {
		gr.seedChats(ctx.sim.state, 150);
		ctx.sim.state.ignoreOffset = true;
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			'Paging through Gravity Rail stopped: the page at offset 100 repeats chats already read (the API seems to ignore "offset")',
		);
		expect(result.error?.context).toMatchObject({ code: 'paging_stopped', retryable: false });
		expect(lists()).toHaveLength(2);
	});

	test('an answer with no list in it is a clear error', async () => {
		ctx.sim.fault({ method: 'GET', path: CHATS }, { status: 200, body: { total: 3 } });
		const result = await run({ operation: 'getAll' });
		expect(result.error?.message).toMatch(
			/^Paging through Gravity Rail stopped: the answer holds no list of chats/,
		);
	});

	test('a 503 on the list is retried (a read): one result, 2 requests', async () => {
		gr.seedChats(ctx.sim.state, 2);
		ctx.sim.fault({ method: 'GET', path: CHATS }, { status: 503, body: { detail: 'Try again' } });
		const result = await run({ operation: 'getAll' });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(lists()).toHaveLength(2);
	});

	test('429 on the list is waited out and retried', async () => {
		gr.seedChats(ctx.sim.state, 1);
		ctx.sim.fault(
			{ method: 'GET', path: CHATS },
			{ status: 429, retryAfter: 1, body: { detail: 'Too many requests' } },
		);
		const result = await run({ operation: 'getAll' });
		expect(result.error).toBeUndefined();
		expect(lists()).toHaveLength(2);
		expect(lists()[1].at - lists()[0].at).toBeGreaterThanOrEqual(950);
	});

	test.each([
		['Limit 0', { limit: 0 }, /^Limit: must be at least 1, got 0/],
		[
			'query parameters that are not JSON',
			{ additionalQueryParameters: '{nope' },
			/^Additional Query Parameters \(JSON\): is not valid JSON/,
		],
		[
			'query parameters that are an array',
			{ additionalQueryParameters: '[1]' },
			/^Additional Query Parameters \(JSON\): must be a JSON object/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ operation: 'getAll', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

describe('Gravity Rail: Get chat', () => {
	test('GET /chats/{chat_id}: the chat output as-is', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({ operation: 'get', chatId: ` ${chat.id} ` });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		expect(ctx.sim.requests[0].method).toBe('GET');
		expect(ctx.sim.requests[0].path).toBe(`${CHATS}/${chat.id}`);
		expect(ctx.sim.requests[0].rejected).toBeUndefined();
		expect(result.items[0].json).toEqual(JSON.parse(JSON.stringify(chat)));
	});

	test("an unknown chat: Gravity Rail's 404 with its message", async () => {
		const result = await run({ operation: 'get', chatId: '999' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Chat 999 not found');
		expect(result.error?.context).toMatchObject({ retryable: false });
	});

	test('a 500 on Get is retried after a backoff', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		ctx.sim.fault({ method: 'GET', path: `${CHATS}/${chat.id}` }, { status: 500 });
		const result = await run({ operation: 'get', chatId: chat.id });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(2);
		expect(ctx.sim.requests[1].at - ctx.sim.requests[0].at).toBeGreaterThanOrEqual(200);
	});

	test.each([
		[
			'a Chat ID that is not a number',
			'={{ "abc" }}',
			/^Chat ID: must be a whole number, got "abc"/,
		],
		['a Chat ID of 0', '={{ 0 }}', /^Chat ID: must be at least 1, got 0/],
		['a Chat ID with a path in it', '5001/../x', /^Chat ID: must be a whole number/],
	])('%s: rejected before any request', async (_label, chatId, message) => {
		const result = await run({ operation: 'get', chatId });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.context).toMatchObject({
			code: 'invalid_parameter',
			field: 'Chat ID',
			retryable: false,
		});
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('401 with a wrong key: readable, not retryable, and the key appears nowhere', async () => {
		const badKey = 'gr_live_WRONGKEYFORGETTINGCHATS00';
		const result = await run(
			{ operation: 'get', chatId: '5001' },
			{ credential: { apiKey: badKey } },
		);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('Invalid API key');
		expect(result.error?.context).toMatchObject({ retryable: false });
		expect(ctx.sim.requests).toHaveLength(1);
		expect(allText(result.error)).not.toContain(badKey);
		expect(allText(result.run)).not.toContain(badKey);
	});
});

describe('Gravity Rail: Update chat', () => {
	test('PUT /chats/{chat_id} with the fields under their API names; the updated chat out', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({
			operation: 'update',
			chatId: chat.id,
			updateFields: {
				title: ' Renamed ',
				assistantEnabled: false,
				assistantMemberId: '900',
				assistantChatModelId: 'gpt-4o',
				assistantRealtimeModelId: 'gpt-4o-realtime',
				chatType: 'assignment',
				isTest: true,
				siteId: '41',
			},
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		const [sent] = ctx.sim.requests;
		expect(sent.method).toBe('PUT');
		expect(sent.path).toBe(`${CHATS}/${chat.id}`);
		expect(sent.body).toEqual({
			title: 'Renamed',
			assistantEnabled: false,
			assistantMemberId: '900',
			assistantChatModelId: 'gpt-4o',
			assistantRealtimeModelId: 'gpt-4o-realtime',
			chatType: 'assignment',
			isTest: true,
			siteId: '41',
		});
		expect(sent.rejected).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			id: chat.id,
			title: 'Renamed',
			assistantEnabled: false,
			isTest: true,
		});
	});

	test('Additional Body Fields are merged last and win', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({
			operation: 'update',
			chatId: chat.id,
			updateFields: { title: 'A' },
			additionalBodyFields: '{"title": "B", "status": "archived"}',
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].body).toEqual({ title: 'B', status: 'archived' });
		expect(result.items[0].json.title).toBe('B');
	});

	test('an update is not retried after a 503', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		ctx.sim.fault({ method: 'PUT' }, { status: 503, body: { detail: 'Busy' } });
		const result = await run({
			operation: 'update',
			chatId: chat.id,
			updateFields: { title: 'x' },
		});
		expect(result.error?.httpCode).toBe('503');
		expect(result.error?.message).toBe('Busy');
		expect(result.error?.context).toMatchObject({ retryable: true });
		expect(ctx.sim.requests).toHaveLength(1);
	});

	test("an unknown assistant member: Gravity Rail's 404", async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({
			operation: 'update',
			chatId: chat.id,
			updateFields: { assistantMemberId: '202' },
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Assistant member 202 not found');
	});

	test.each([
		['nothing to change', {}, /^Update Fields: add at least one field to change/],
		['only blank text', { updateFields: { title: '  ' } }, /^Update Fields: add at least one/],
		[
			'Additional Body Fields that are not JSON',
			{ updateFields: { title: 'x' }, additionalBodyFields: '{x' },
			/^Additional Body Fields \(JSON\): is not valid JSON/,
		],
		[
			'a Chat ID that is not a number',
			{ chatId: 'chat-1', updateFields: { title: 'x' } },
			/^Chat ID: must be a whole number, got "chat-1"/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ operation: 'update', chatId: '5001', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

describe('Gravity Rail errors: Continue On Fail items', () => {
	test('failed items carry error, errorDescription, httpCode, code, retryable, field; all paired', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		ctx.sim.fault(
			{ method: 'GET', path: `${CHATS}/5002` },
			{ status: 403, body: { detail: 'Missing scope chats:read', code: 'missing_scope' } },
		);
		const result = await run(
			{ operation: 'get', chatId: '={{ $json.id }}' },
			{
				continueOnFail: true,
				items: [{ id: chat.id }, { id: 'x' }, { id: '5002' }, { id: '404' }],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.id).toBe(chat.id);
		expect(result.items[0].json).not.toHaveProperty('error');
		expect(result.items[1].json).toEqual({
			error: 'Chat ID: must be a whole number, got "x"',
			code: 'invalid_parameter',
			field: 'Chat ID',
			retryable: false,
		});
		expect(result.items[2].json).toEqual({
			error: 'Missing scope chats:read',
			errorDescription: expect.stringMatching(/Gravity Rail code: missing_scope/),
			httpCode: '403',
			code: 'missing_scope',
			retryable: false,
		});
		expect(result.items[3].json).toEqual({
			error: 'Chat 404 not found',
			errorDescription: expect.stringMatching(/could not find/),
			httpCode: '404',
			retryable: false,
		});
	});
});
