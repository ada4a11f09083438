/** Conversation → Get Messages: a conversation's history, paged back in time by first_id. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { ids, json, queryOf, resources } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'conversation',
	operation: 'getMessages',
	user: 'user-42',
});

describe('Dify: Conversation → Get Messages', () => {
	test('reads the history: GET /messages with conversation_id, user and limit, one item per message', async () => {
		const result = await run({
			conversationId: resources.DOCS_CONVERSATION,
			user: 'abc-123',
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(json(result)).toMatchObject({
			id: '9da23599-e713-473b-982c-4328d4f5c78a',
			conversation_id: resources.DOCS_CONVERSATION,
			query: 'What are the specs of the iPhone 13 Pro Max?',
			answer: 'iPhone 13 Pro Max specs are listed here:...',
			feedback: { rating: 'like' },
			status: 'normal',
		});
		expect(queryOf(ctx.sim.calls('GET', '/messages')[0] as never)).toEqual([
			['conversation_id', resources.DOCS_CONVERSATION],
			['user', 'abc-123'],
			['limit', '50'],
		]);
	});

	test('Return All pages backwards by first_id through 3 pages, oldest message first; a Limit keeps the latest', async () => {
		const { conversationId, messageIds } = resources.seedMessages(ctx.sim.state, 'pager-msg', 250);
		const all = await run({
			conversationId,
			user: 'pager-msg',
			returnAll: true,
		});
		expect(all.error).toBeUndefined();
		expect(ids(all)).toEqual(messageIds);
		expect(ctx.sim.calls('GET', '/messages').map((r) => queryOf(r as never))).toEqual([
			[
				['conversation_id', conversationId],
				['user', 'pager-msg'],
				['limit', '100'],
			],
			[
				['conversation_id', conversationId],
				['user', 'pager-msg'],
				['first_id', messageIds[150]],
				['limit', '100'],
			],
			[
				['conversation_id', conversationId],
				['user', 'pager-msg'],
				['first_id', messageIds[50]],
				['limit', '100'],
			],
		]);

		ctx.sim.reset();
		const latest = await run({
			conversationId,
			user: 'pager-msg',
			limit: 150,
		});
		expect(ids(latest)).toEqual(messageIds.slice(100));
		expect(ctx.sim.calls('GET', '/messages').map((r) => r.query.limit)).toEqual([100, 50]);
	});

	test("another user's conversation is Dify's 404; with Continue On Fail the item carries the failure fields", async () => {
		const result = await run(
			{ conversationId: resources.DOCS_CONVERSATION, user: 'someone-else' },
			{ continueOnFail: true },
		);
		expect(result.items).toHaveLength(1);
		expect(json(result)).toMatchObject({
			error: 'Conversation Not Exists.',
			httpCode: '404',
			code: 'not_found',
			retryable: false,
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test.each([
		[
			'a Conversation ID that is no UUID',
			{ conversationId: 'conv-1', user: 'u' },
			/^Conversation ID: must be a UUID/,
		],
		[
			'an empty User',
			{ conversationId: resources.DOCS_CONVERSATION, user: ' ' },
			/^User: must not be empty/,
		],
	])('%s is refused before any request', async (_, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('the loop guard: Return All stops with an error when Dify repeats a page', async () => {
		const { conversationId } = resources.seedMessages(ctx.sim.state, 'loop-msg', 3);
		resources.storeOf(ctx.sim.state).repeatCursor = true;
		try {
			const messages = await run({ conversationId, user: 'loop-msg', returnAll: true });
			expect(messages.error?.message).toMatch(
				/^Paging through Dify stopped: the page cursor ".+" came back a second time/,
			);
			expect(ctx.sim.requests).toHaveLength(2);
		} finally {
			resources.storeOf(ctx.sim.state).repeatCursor = false;
		}
	});
});
