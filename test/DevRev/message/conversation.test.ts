/** Message → Send and Get Many on a conversation's timeline (Chat or Conversation: Conversation). */
import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'message', parent: 'conversation' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('DevRev: messages of a conversation', () => {
	test('Send posts the comment on the conversation (object = Conversation ID)', async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		const result = await run({
			operation: 'send',
			conversationId: conversation.display_id,
			body: 'We are on it.',
		});
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('POST', '/timeline-entries.create');
		expect(calls[0].body).toEqual({
			type: 'timeline_comment',
			object: 'CONV-1',
			body: 'We are on it.',
			body_type: 'text',
		});
		expect(result.items[0].json.timeline_entry).toMatchObject({
			object: conversation.id,
			object_type: 'conversation',
			body: 'We are on it.',
		});
	});

	test("Get Many reads the conversation's timeline", async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		devrev.seedComments(ctx.sim.state, conversation, 3);
		const result = await run({
			operation: 'getAll',
			conversationId: conversation.id,
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('GET', '/timeline-entries.list')[0].query).toEqual({
			object: conversation.id,
			limit: 50,
		});
		expect(result.items.map((i) => i.json.body)).toEqual(['Message 1', 'Message 2', 'Message 3']);
	});

	test('the Chat ID is not used for a conversation: an empty Conversation ID is refused', async () => {
		const result = await run({
			operation: 'send',
			chatId: 'DM-1',
			conversationId: '={{ "" }}',
			body: 'x',
		});
		expect(result.error?.message).toMatch(/^Conversation ID: must not be empty/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('an unknown Chat or Conversation value from an expression is refused', async () => {
		const result = await run({
			operation: 'getAll',
			parent: '={{ "ticket" }}',
			chatId: 'DM-1',
			conversationId: 'CONV-1',
		});
		expect(result.error?.message).toMatch(
			/^Chat or Conversation: must be "chat" or "conversation", got "ticket"/,
		);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
