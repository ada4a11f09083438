import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { CHATS, WS, gr } from '../kit';

const ctx = useSimulator('gravityrail');
const run = nodeRunner(ctx, specs.gravityRail, { resource: 'chat' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const lists = () => ctx.sim.requests.filter((r) => r.method === 'GET' && r.path === CHATS);

describe('Gravity Rail: Chat → Get Many', () => {
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

	test('Extra Query Parameters are sent, and win over limit/offset', async () => {
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
			/^Extra Query Parameters \(JSON\): is not valid JSON/,
		],
		[
			'query parameters that are an array',
			{ additionalQueryParameters: '[1]' },
			/^Extra Query Parameters \(JSON\): must be a JSON object/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ operation: 'getAll', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
