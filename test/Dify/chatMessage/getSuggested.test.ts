/** Chat Message → Get Suggested Questions. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { chatCalls, persistent429, resources } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'getSuggested',
	user: 'user-42',
});

describe('Dify: Chat Message → Get Suggested Questions', () => {
	test("after an answer: GET /messages/{id}/suggested?user=…; outputs message_id and Dify's list", async () => {
		const sent = await run({
			operation: 'send',
			query: 'What are the specs of the iPhone 13 Pro Max?',
			user: 'suggest-user',
		});
		const messageId = String(sent.items[0].json.message_id);
		ctx.sim.reset();
		const result = await run({
			messageId,
			user: 'suggest-user',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				message_id: messageId,
				result: 'success',
				data: [
					'How heavy is the iPhone 13 Pro Max?',
					'What colours does it come in?',
					'How long does its battery last?',
				],
			},
		]);
		const [call] = ctx.sim.requests;
		expect([call.method, call.path]).toEqual(['GET', `/messages/${messageId}/suggested`]);
		expect((call as { rawQuery?: string }).rawQuery).toBe('?user=suggest-user');
	});

	test("the feature switched off is Dify's 400 bad_request; another user's message 404", async () => {
		const store = resources.storeOf(ctx.sim.state);
		store.suggestionsDisabled = true;
		try {
			const off = await run({
				messageId: resources.DOCS_MESSAGE,
				user: 'abc-123',
			});
			expect(off.error?.httpCode).toBe('400');
			expect(off.error?.message).toBe('Suggested Questions Is Disabled.');
		} finally {
			store.suggestionsDisabled = false;
		}
		const other = await run({
			messageId: resources.DOCS_MESSAGE,
			user: 'someone-else',
		});
		expect(other.error?.httpCode).toBe('404');
		expect(other.error?.message).toBe('Message Not Exists.');
		persistent429(ctx.sim, `/messages/${resources.DOCS_MESSAGE}/suggested`);
		const limited = await run({
			messageId: resources.DOCS_MESSAGE,
			user: 'abc-123',
		});
		expect(limited.error?.httpCode).toBe('429');
	});

	test.each([
		['a Message ID that is no UUID', { messageId: '42' }, /^Message ID: must be a UUID/],
		['an empty User (from an expression)', { user: '={{ "" }}' }, /^User: must not be empty/],
	])('%s is refused before any request', async (_, parameters, message) => {
		const result = await run({
			messageId: resources.DOCS_MESSAGE,
			user: 'abc-123',
			...parameters,
		});
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
		expect(chatCalls(ctx.sim)).toHaveLength(0);
	});
});
