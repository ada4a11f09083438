/** Message Feedback → Get Many: the app's feedback, paged by page number. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { ids, json, persistent429, queryOf, resources, TOKEN, WRONG_KEY } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'messageFeedback',
	operation: 'getAll',
	user: 'user-42',
});

const store = () => resources.storeOf(ctx.sim.state);

describe('Dify: Message Feedback → Get Many', () => {
	test("the app's feedback: GET /app/feedbacks with page and limit, one item per feedback", async () => {
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual(store().feedbacks);
		expect(result.items.map((i) => i.json.rating)).toEqual(['like', 'dislike']);
		expect(json(result)).toMatchObject({
			id: 'b7e2f8a1-3c4d-5e6f-7890-abcdef123456',
			message_id: '9da23599-e713-473b-982c-4328d4f5c78a',
			from_source: 'user',
			created_at: '2025-01-16T14:30:29Z',
		});
		const [sent] = ctx.sim.calls('GET', '/app/feedbacks');
		expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(queryOf(sent as never)).toEqual([
			['page', '1'],
			['limit', '50'],
		]);
	});

	test('Return All asks page 1, 2, 3 with the same page size; a Limit stops after the records it needs', async () => {
		const all = resources.seedFeedbacks(ctx.sim.state, 248);
		expect(all).toHaveLength(250);
		const every = await run({ returnAll: true });
		expect(every.error).toBeUndefined();
		expect(ids(every)).toEqual(all);
		expect(ctx.sim.calls('GET', '/app/feedbacks').map((r) => queryOf(r as never))).toEqual([
			[
				['page', '1'],
				['limit', '100'],
			],
			[
				['page', '2'],
				['limit', '100'],
			],
			[
				['page', '3'],
				['limit', '100'],
			],
		]);
		ctx.sim.reset();
		const limited = await run({ limit: 150 });
		expect(ids(limited)).toEqual(all.slice(0, 150));
		expect(
			ctx.sim.calls('GET', '/app/feedbacks').map((r) => [r.query.page, r.query.limit]),
		).toEqual([
			[1, 100],
			[2, 100],
		]);
		ctx.sim.reset();
		const small = await run({ limit: 30 });
		expect(ids(small)).toEqual(all.slice(0, 30));
		expect(ctx.sim.calls('GET', '/app/feedbacks')).toHaveLength(1);
	});

	test('a Limit of 0 is refused before any request', async () => {
		const result = await run({ limit: 0 });
		expect(result.error?.message).toMatch(/^Limit: must be at least 1/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('401 with a wrong key; 429 that persists becomes an error', async () => {
		const unauthorized = await run({}, { credential: { apiKey: WRONG_KEY } });
		expect(unauthorized.error?.httpCode).toBe('401');
		persistent429(ctx.sim, '/app/feedbacks');
		const limited = await run();
		expect(limited.error?.httpCode).toBe('429');
		expect(limited.error?.description).toContain('Dify code: too_many_requests');
	});
});
