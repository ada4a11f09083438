import { useSimulator } from '../helpers';
import { devRevRunner, devrev } from './runner';

const ctx = useSimulator('devrev');
const run = devRevRunner(ctx, { resource: 'message' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const lists = () => ctx.sim.calls('GET', '/timeline-entries.list');

describe('DevRev: Send Message', () => {
	test('a timeline comment on the chat: the exact documented body, the entry output', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const result = await run({ operation: 'send', chatId: chat.id, body: 'Hello **team**' });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		const [sent] = ctx.sim.requests;
		expect(sent.method).toBe('POST');
		expect(sent.path).toBe('/timeline-entries.create');
		expect(sent.body).toEqual({
			type: 'timeline_comment',
			object: chat.id,
			body: 'Hello **team**',
			body_type: 'text',
		});
		expect(sent.headers['content-type']).toContain('application/json');
		expect(sent.rejected).toBeUndefined();
		const entry = result.items[0].json.timeline_entry as Record<string, unknown>;
		expect(entry).toMatchObject({
			type: 'timeline_comment',
			object: chat.id,
			object_display_id: 'DM-1',
			body: 'Hello **team**',
			body_type: 'text',
			visibility: 'external',
		});
		expect(ctx.sim.state.entries.get(chat.id)).toHaveLength(1);
	});

	test('every optional field under its API name', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const expires = new Date(Date.now() + 3600_000);
		const result = await run({
			operation: 'send',
			chatId: 'DM-1',
			body: 'Only for you',
			additionalFields: {
				visibility: 'private',
				privateTo: 'DEVU-7',
				artifacts: ['ARTIFACT-1', 'ARTIFACT-2'],
				expiresAt: expires.toISOString().replace('Z', '+00:00'),
			},
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].body).toEqual({
			type: 'timeline_comment',
			object: 'DM-1',
			body: 'Only for you',
			body_type: 'text',
			visibility: 'private',
			private_to: ['DEVU-7'],
			artifacts: ['ARTIFACT-1', 'ARTIFACT-2'],
			expires_at: expires.toISOString(),
		});
		expect((result.items[0].json.timeline_entry as Record<string, unknown>).object).toBe(chat.id);
	});

	test('a send is not retried after a 503 (it may have been posted)', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		ctx.sim.fault({ method: 'POST', path: '/timeline-entries.create' }, { status: 503 });
		const result = await run({ operation: 'send', chatId: chat.id, body: 'x' });
		expect(result.error?.httpCode).toBe('503');
		expect(ctx.sim.requests).toHaveLength(1);
	});

	test("an unknown chat: DevRev's 404", async () => {
		const result = await run({ operation: 'send', chatId: 'DM-77', body: 'x' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('object DM-77 not found');
		expect(result.error?.context).toMatchObject({ code: 'not_found' });
	});

	test.each([
		['an empty body', { body: '={{ "" }}' }, /^Body: must not be empty/],
		['a Chat ID with spaces', { chatId: 'dm 1' }, /^Chat ID: "dm 1" is not a DevRev ID/],
		[
			'51 artifacts',
			{
				additionalFields: {
					artifacts: Array.from({ length: 51 }, (_, k) => `ARTIFACT-${k}`).join(','),
				},
			},
			/^Artifacts: allows at most 50 entries, got 51/,
		],
		[
			'Private To without private visibility',
			{ additionalFields: { privateTo: 'DEVU-7' } },
			/^Private To: needs Visibility "Private"/,
		],
		[
			'an unknown visibility from an expression',
			{ additionalFields: { visibility: '={{ "secret" }}' } },
			/^Visibility: must be one of external, internal, private, public, got "secret"/,
		],
		[
			'an expiry without a time zone',
			{ additionalFields: { expiresAt: '2030-01-01T12:00:00' } },
			/^Expires At: must be an ISO 8601 timestamp with a time zone/,
		],
		[
			'an expiry in the past',
			{ additionalFields: { expiresAt: '2020-01-01T12:00:00Z' } },
			/^Expires At: must be at least a minute from now/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ operation: 'send', chatId: 'DM-1', body: 'x', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

describe('DevRev: Get Many Messages', () => {
	test('one item per entry, oldest first, from GET /timeline-entries.list', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 3);
		const result = await run({ operation: 'getAll', chatId: chat.id });
		expect(result.error).toBeUndefined();
		expect(lists()).toHaveLength(1);
		expect(lists()[0].query).toEqual({ object: chat.id, limit: 50 });
		expect(lists()[0].rejected).toBeUndefined();
		expect(result.items.map((i) => i.json.body)).toEqual(['Message 1', 'Message 2', 'Message 3']);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(result.items[0].json).toMatchObject({ type: 'timeline_comment', object: chat.id });
	});

	test('Return All follows next_cursor through 3 pages', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 120);
		const result = await run({ operation: 'getAll', chatId: chat.id, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(120);
		expect(result.items[119].json.body).toBe('Message 120');
		const calls = lists();
		expect(calls).toHaveLength(3);
		expect(calls[0].query.cursor).toBeUndefined();
		expect(calls.map((c) => c.query.limit)).toEqual([50, 50, 50]);
		expect(calls[1].query.cursor).toEqual(expect.any(String));
		expect(calls[2].query.cursor).not.toBe(calls[1].query.cursor);
	});

	test('Limit stops as soon as it is reached, asking only for what is missing', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 120);
		const result = await run({ operation: 'getAll', chatId: chat.id, limit: 70 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(70);
		expect(result.items.at(-1)?.json.body).toBe('Message 70');
		expect(lists().map((c) => c.query.limit)).toEqual([50, 20]);
	});

	test('the default Limit is 50: one request', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 120);
		const result = await run({ operation: 'getAll', chatId: chat.id });
		expect(result.items).toHaveLength(50);
		expect(lists()).toHaveLength(1);
	});

	test('a visibility filter is sent comma-separated', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 4);
		const result = await run({
			operation: 'getAll',
			chatId: chat.id,
			filters: { visibility: ['internal', 'private'] },
		});
		expect(result.error).toBeUndefined();
		expect(lists()[0].query.visibility).toBe('internal,private');
		expect(result.items.map((i) => i.json.body)).toEqual(['Message 2', 'Message 4']);
	});

	test('a cursor that comes back again stops with an error instead of looping', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 200);
		ctx.sim.state.repeatCursor = true;
		const result = await run({ operation: 'getAll', chatId: chat.id, returnAll: true });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(
			/^Paging through DevRev stopped: the page cursor ".+" came back a second time/,
		);
		expect(result.error?.context).toMatchObject({ code: 'paging_stopped', retryable: false });
		expect(lists()).toHaveLength(2);
	});

	test('an empty chat: no items', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const result = await run({ operation: 'getAll', chatId: chat.id, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
	});

	test('one list per input item, each paired with its item', async () => {
		const first = devrev.seedChat(ctx.sim.state, [7]);
		const second = devrev.seedChat(ctx.sim.state, [8]);
		devrev.seedComments(ctx.sim.state, first, 2);
		devrev.seedComments(ctx.sim.state, second, 1);
		const result = await run(
			{ operation: 'getAll', chatId: '={{ $json.chat }}', returnAll: true },
			{ items: [{ chat: first.id }, { chat: second.id }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.object, i.pairedItem])).toEqual([
			[first.id, { item: 0 }],
			[first.id, { item: 0 }],
			[second.id, { item: 1 }],
		]);
	});

	test.each([
		['Limit 0', { limit: 0 }, /^Limit: must be at least 1, got 0/],
		[
			'an unknown visibility from an expression',
			{ filters: { visibility: '={{ ["hidden"] }}' } },
			/^Visibility: "hidden" is not one of external, internal, private, public/,
		],
		['an empty Chat ID', { chatId: '={{ "" }}' }, /^Chat ID: must not be empty/],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ operation: 'getAll', chatId: 'DM-1', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown chat: DevRev's 404", async () => {
		const result = await run({ operation: 'getAll', chatId: 'DM-9' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('object DM-9 not found');
	});
});
