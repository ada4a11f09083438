import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'message', operation: 'getAll' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const lists = () => ctx.sim.calls('GET', '/timeline-entries.list');

describe('DevRev: Get Many Messages', () => {
	test('one item per entry, oldest first, from GET /timeline-entries.list', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 3);
		const result = await run({ chatId: chat.id });
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
		const result = await run({ chatId: chat.id, returnAll: true });
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
		const result = await run({ chatId: chat.id, limit: 70 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(70);
		expect(result.items.at(-1)?.json.body).toBe('Message 70');
		expect(lists().map((c) => c.query.limit)).toEqual([50, 20]);
	});

	test('the default Limit is 50: one request', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 120);
		const result = await run({ chatId: chat.id });
		expect(result.items).toHaveLength(50);
		expect(lists()).toHaveLength(1);
	});

	test('a visibility filter is sent comma-separated', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 4);
		const result = await run({
			chatId: chat.id,
			filters: { visibility: ['internal', 'private'] },
		});
		expect(result.error).toBeUndefined();
		expect(lists()[0].query.visibility).toBe('internal,private');
		expect(result.items.map((i) => i.json.body)).toEqual(['Message 2', 'Message 4']);
	});

	test('Extra Query Parameters (JSON) are merged last: a larger page size is sent on every page', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 120);
		const result = await run({
			chatId: chat.id,
			returnAll: true,
			additionalQueryParameters: '{"limit": 100}',
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(120);
		expect(lists().map((c) => c.query.limit)).toEqual([100, 100]);
		expect(lists()[0].query).toEqual({ object: chat.id, limit: 100 });
		expect(lists()[1].query.cursor).toEqual(expect.any(String));
	});

	test('a Limit still holds with a larger page size from Extra Query Parameters (JSON)', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 120);
		const result = await run({
			chatId: chat.id,
			limit: 70,
			additionalQueryParameters: '{"limit": 100}',
		});
		expect(result.items).toHaveLength(70);
		expect(result.items.at(-1)?.json.body).toBe('Message 70');
		expect(lists()).toHaveLength(1);
	});

	test('a cursor that comes back again stops with an error instead of looping', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		devrev.seedComments(ctx.sim.state, chat, 200);
		ctx.sim.state.repeatCursor = true;
		const result = await run({ chatId: chat.id, returnAll: true });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(
			/^Paging through DevRev stopped: the page cursor ".+" came back a second time/,
		);
		expect(result.error?.context).toMatchObject({ code: 'paging_stopped', retryable: false });
		expect(lists()).toHaveLength(2);
	});

	test('an empty chat: no items', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const result = await run({ chatId: chat.id, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
	});

	test('one list per input item, each paired with its item', async () => {
		const first = devrev.seedChat(ctx.sim.state, [7]);
		const second = devrev.seedChat(ctx.sim.state, [8]);
		devrev.seedComments(ctx.sim.state, first, 2);
		devrev.seedComments(ctx.sim.state, second, 1);
		const result = await run(
			{ chatId: '={{ $json.chat }}', returnAll: true },
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
		[
			'query JSON that does not parse',
			{ additionalQueryParameters: '{"limit": ' },
			/^Extra Query Parameters \(JSON\): is not valid JSON/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ chatId: 'DM-1', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown chat: DevRev's 404", async () => {
		const result = await run({ chatId: 'DM-9' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('object DM-9 not found');
	});
});
