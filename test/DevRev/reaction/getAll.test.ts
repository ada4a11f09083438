import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'reaction', operation: 'getAll' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const lists = () => ctx.sim.calls('GET', '/reactions.list');
const seedMessage = (reactors: number[]) => {
	const chat = devrev.seedChat(ctx.sim.state, [7]);
	const [entry] = devrev.seedComments(ctx.sim.state, chat, 1);
	devrev.seedReactions(ctx.sim.state, entry.id, 'joy', reactors);
	return entry;
};
const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);

describe('DevRev: Get Many Reactions', () => {
	test('GET /reactions.list?object&emoji: one item per user who reacted', async () => {
		const entry = seedMessage([7, 42]);
		const result = await run({ messageId: entry.id, emoji: 'joy' });
		expect(result.error).toBeUndefined();
		expect(lists()).toHaveLength(1);
		expect(lists()[0].query).toEqual({ object: entry.id, emoji: 'joy', limit: 50 });
		expect(lists()[0].rejected).toBeUndefined();
		expect(result.items.map((i) => i.json.display_id)).toEqual(['DEVU-7', 'DEVU-42']);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('Return All follows next_cursor; Limit asks only for what is missing', async () => {
		const entry = seedMessage(range(100, 120));
		const all = await run({ messageId: entry.id, emoji: 'joy', returnAll: true });
		expect(all.items).toHaveLength(120);
		expect(lists()).toHaveLength(3);
		expect(lists()[1].query.cursor).toEqual(expect.any(String));
		ctx.sim.reset();
		const some = await run({ messageId: entry.id, emoji: 'joy', limit: 60 });
		expect(some.items).toHaveLength(60);
		expect(lists().map((c) => c.query.limit)).toEqual([50, 10]);
	});

	test('no reactions with that emoji: no items', async () => {
		const entry = seedMessage([7]);
		const result = await run({ messageId: entry.id, emoji: 'tada', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
	});

	test('a cursor that comes back again stops with an error instead of looping', async () => {
		const entry = seedMessage(range(100, 200));
		ctx.sim.state.repeatCursor = true;
		const result = await run({ messageId: entry.id, emoji: 'joy', returnAll: true });
		expect(result.error?.context).toMatchObject({ code: 'paging_stopped' });
	});

	test.each([
		['an empty Emoji', { emoji: '={{ "" }}' }, /^Emoji: must not be empty/],
		['Limit 0', { limit: 0 }, /^Limit: must be at least 1, got 0/],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ messageId: 'comment-1', emoji: 'joy', ...parameters });
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown message: DevRev's 404, as an item under Continue On Fail", async () => {
		const result = await run({ messageId: 'comment-9', emoji: 'joy' }, { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({
			error: 'object comment-9 not found',
			httpCode: '404',
			code: 'not_found',
		});
	});
});
