/** Conversation → Get Many: the user's conversations, paged by last_id. */
import { nodeRunner, specs } from '../../engine/nodes';
import { allText, useSimulator } from '../../helpers';
import { ids, persistent429, queryOf, resources, TOKEN, WRONG_KEY } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'conversation',
	operation: 'getAll',
	user: 'user-42',
});

const store = () => resources.storeOf(ctx.sim.state);

describe('Dify: Conversation → Get Many', () => {
	test("lists the user's conversations: GET /conversations with user and limit, one item per conversation", async () => {
		const result = await run({ user: 'abc-123' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				id: '45701982-8118-4bc5-8e9b-64562b4555f2',
				name: 'iPhone Specs Chat',
				inputs: { city: 'San Francisco' },
				status: 'normal',
				introduction: '',
				created_at: 1705407629,
				updated_at: 1705411229,
			},
		]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		const [sent] = ctx.sim.calls('GET', '/conversations');
		expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(queryOf(sent as never)).toEqual([
			['user', 'abc-123'],
			['limit', '50'],
		]);
		expect(sent.rejected).toBeUndefined();
	});

	test('Return All follows last_id through 3 pages; a Limit stops after the records it needs', async () => {
		const seeded = resources.seedConversations(ctx.sim.state, 'pager-conv', 250);
		const all = await run({
			user: 'pager-conv',
			returnAll: true,
		});
		expect(all.error).toBeUndefined();
		expect(ids(all)).toEqual(seeded);
		const pages = ctx.sim.calls('GET', '/conversations').map((r) => queryOf(r as never));
		expect(pages).toEqual([
			[
				['user', 'pager-conv'],
				['limit', '100'],
			],
			[
				['user', 'pager-conv'],
				['last_id', seeded[99]],
				['limit', '100'],
			],
			[
				['user', 'pager-conv'],
				['last_id', seeded[199]],
				['limit', '100'],
			],
		]);
		expect(all.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);

		ctx.sim.reset();
		const limited = await run({
			user: 'pager-conv',
			limit: 150,
		});
		expect(ids(limited)).toEqual(seeded.slice(0, 150));
		expect(ctx.sim.calls('GET', '/conversations').map((r) => r.query.limit)).toEqual([100, 50]);
	});

	test('Sort By is sent as sort_by and changes the order', async () => {
		const seeded = resources.seedConversations(ctx.sim.state, 'sorting-user', 3);
		const result = await run({
			user: 'sorting-user',
			filters: { sortBy: 'created_at' },
		});
		expect(ids(result)).toEqual([...seeded].reverse());
		expect(queryOf(ctx.sim.calls('GET', '/conversations')[0] as never)).toEqual([
			['user', 'sorting-user'],
			['sort_by', 'created_at'],
			['limit', '50'],
		]);
	});

	test('a cursor that repeats stops with an error instead of looping', async () => {
		resources.seedConversations(ctx.sim.state, 'loop-user', 3);
		store().repeatCursor = true;
		try {
			const result = await run({
				user: 'loop-user',
				returnAll: true,
			});
			expect(result.error?.message).toMatch(
				/^Paging through Dify stopped: the page cursor ".+" came back a second time/,
			);
			expect(ctx.sim.calls('GET', '/conversations')).toHaveLength(2);
		} finally {
			store().repeatCursor = false;
		}
	});

	test('a transient 503 is retried: one item set, two requests', async () => {
		ctx.sim.fault({ method: 'GET', path: '/conversations' }, { status: 503 });
		const result = await run({ user: 'abc-123' });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(ctx.sim.calls('GET', '/conversations')).toHaveLength(2);
	});

	test.each([
		['an empty User (from an expression)', { user: '={{ "" }}' }, /^User: must not be empty/],
		['a Limit of 0', { user: 'u', limit: 0 }, /^Limit: must be at least 1/],
		[
			'an unknown Sort By (from an expression)',
			{ user: 'u', filters: { sortBy: 'name' } },
			/^Sort By: must be one of/,
		],
	])('%s is refused before any request', async (_, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("a wrong API key gives Dify's 401, and the key appears nowhere", async () => {
		const result = await run({ user: 'abc-123' }, { credential: { apiKey: WRONG_KEY } });
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('Access token is invalid');
		expect(allText(result.run)).not.toContain(WRONG_KEY);
	});

	test("429 that persists becomes an error with Dify's code (after the transport's retries)", async () => {
		persistent429(ctx.sim, '/conversations');
		const result = await run({ user: 'abc-123' });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.message).toBe('Too many requests. Please try again later.');
		expect(result.error?.description).toContain('Dify code: too_many_requests');
		expect(ctx.sim.calls('GET', '/conversations')).toHaveLength(4);
	});
});
