import { useSimulator } from '../helpers';
import { TOKEN } from './difyTestKit';
import {
	ids,
	json,
	persistent429,
	queryOf,
	resources,
	runOperation,
	runWithKey,
	WRONG_KEY,
} from './resourcesKit';

const ctx = useSimulator('dify');
const store = () => resources.storeOf(ctx.sim.state);

describe('Dify: Message Feedback → Get Many', () => {
	test("the app's feedback: GET /app/feedbacks with page and limit, one item per feedback", async () => {
		const result = await runOperation(ctx.sim, 'messageFeedback', 'getAll');
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
		const every = await runOperation(ctx.sim, 'messageFeedback', 'getAll', { returnAll: true });
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
		const limited = await runOperation(ctx.sim, 'messageFeedback', 'getAll', { limit: 150 });
		expect(ids(limited)).toEqual(all.slice(0, 150));
		expect(
			ctx.sim.calls('GET', '/app/feedbacks').map((r) => [r.query.page, r.query.limit]),
		).toEqual([
			[1, 100],
			[2, 100],
		]);
		ctx.sim.reset();
		const small = await runOperation(ctx.sim, 'messageFeedback', 'getAll', { limit: 30 });
		expect(ids(small)).toEqual(all.slice(0, 30));
		expect(ctx.sim.calls('GET', '/app/feedbacks')).toHaveLength(1);
	});

	test('a Limit of 0 is refused before any request', async () => {
		const result = await runOperation(ctx.sim, 'messageFeedback', 'getAll', { limit: 0 });
		expect(result.error?.message).toMatch(/^Limit: must be at least 1/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('401 with a wrong key; 429 that persists becomes an error', async () => {
		const unauthorized = await runWithKey(ctx.sim, WRONG_KEY, {
			resource: 'messageFeedback',
			operation: 'getAll',
		});
		expect(unauthorized.error?.httpCode).toBe('401');
		persistent429(ctx.sim, '/app/feedbacks');
		const limited = await runOperation(ctx.sim, 'messageFeedback', 'getAll');
		expect(limited.error?.httpCode).toBe('429');
		expect(limited.error?.description).toContain('Dify code: too_many_requests');
	});
});

describe('Dify: Message Feedback → Create', () => {
	test('like with a comment: POST /messages/{id}/feedbacks with rating, user and content; Get Many shows it first', async () => {
		const { messageIds } = resources.seedMessages(ctx.sim.state, 'rating-user', 2);
		const result = await runOperation(ctx.sim, 'messageFeedback', 'create', {
			messageId: messageIds[1],
			user: 'rating-user',
			rating: 'like',
			additionalFields: { content: 'Exactly what I needed' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ result: 'success', message_id: messageIds[1], rating: 'like' },
		]);
		const [sent] = ctx.sim.calls('POST');
		expect(sent.path).toBe(`/messages/${messageIds[1]}/feedbacks`);
		expect(sent.body).toEqual({
			rating: 'like',
			user: 'rating-user',
			content: 'Exactly what I needed',
		});
		const listed = await runOperation(ctx.sim, 'messageFeedback', 'getAll', { limit: 1 });
		expect(json(listed)).toMatchObject({
			message_id: messageIds[1],
			rating: 'like',
			content: 'Exactly what I needed',
			from_source: 'user',
		});
	});

	test('dislike without a comment sends no content; Revoke sends rating null and removes it', async () => {
		const { messageIds } = resources.seedMessages(ctx.sim.state, 'revoke-user', 1);
		const [messageId] = messageIds;
		await runOperation(ctx.sim, 'messageFeedback', 'create', {
			messageId,
			user: 'revoke-user',
			rating: 'dislike',
		});
		const revoked = await runOperation(ctx.sim, 'messageFeedback', 'create', {
			messageId,
			user: 'revoke-user',
			rating: 'revoke',
		});
		expect(revoked.error).toBeUndefined();
		expect(json(revoked)).toEqual({ result: 'success', message_id: messageId, rating: null });
		expect(ctx.sim.calls('POST').map((r) => r.body)).toEqual([
			{ rating: 'dislike', user: 'revoke-user' },
			{ rating: null, user: 'revoke-user' },
		]);
		expect(store().feedbacks.some((f) => f.message_id === messageId)).toBe(false);
		const again = await runOperation(ctx.sim, 'messageFeedback', 'create', {
			messageId,
			user: 'revoke-user',
			rating: 'revoke',
		});
		expect(again.error?.httpCode).toBe('400');
		expect(again.error?.description).toContain('Dify code: invalid_param');
	});

	test("a message of another user is Dify's 404", async () => {
		const result = await runOperation(ctx.sim, 'messageFeedback', 'create', {
			messageId: resources.DOCS_MESSAGE,
			user: 'not-the-owner',
			rating: 'like',
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Message Not Exists.');
	});

	test.each([
		['a Message ID that is no UUID', { messageId: 'msg-1' }, /^Message ID: must be a UUID/],
		['an empty User (from an expression)', { user: '={{ "" }}' }, /^User: must not be empty/],
		[
			'an unknown Rating (from an expression)',
			{ rating: '={{ "love" }}' },
			/^Rating: must be like, dislike or revoke/,
		],
	])('%s is refused before any request', async (_, parameters, message) => {
		const result = await runOperation(ctx.sim, 'messageFeedback', 'create', {
			messageId: resources.DOCS_MESSAGE,
			user: 'abc-123',
			rating: 'like',
			...parameters,
		});
		expect(result.error?.message).toMatch(message);
		expect(result.error?.context?.field).toBe(String(message).replace(/^\/\^|:.*$/g, ''));
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
