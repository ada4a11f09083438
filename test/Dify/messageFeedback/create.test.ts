/** Message Feedback → Create: like, dislike, revoke. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json, resources } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'messageFeedback',
	operation: 'create',
	user: 'user-42',
});

const store = () => resources.storeOf(ctx.sim.state);

describe('Dify: Message Feedback → Create', () => {
	test('like with a comment: POST /messages/{id}/feedbacks with rating, user and content; Get Many shows it first', async () => {
		const { messageIds } = resources.seedMessages(ctx.sim.state, 'rating-user', 2);
		const result = await run({
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
		const listed = await run({ operation: 'getAll', limit: 1 });
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
		await run({
			messageId,
			user: 'revoke-user',
			rating: 'dislike',
		});
		const revoked = await run({
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
		const again = await run({
			messageId,
			user: 'revoke-user',
			rating: 'revoke',
		});
		expect(again.error?.httpCode).toBe('400');
		expect(again.error?.description).toContain('Dify code: invalid_param');
	});

	test("a message of another user is Dify's 404", async () => {
		const result = await run({
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
		const result = await run({
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
