import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'conversation', operation: 'get' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('DevRev: Get Conversation', () => {
	test('GET /conversations.get?id=…, the conversation with its latest messages', async () => {
		const conversation = devrev.seedConversation(ctx.sim.state, { title: 'Refund' });
		devrev.seedComments(ctx.sim.state, conversation, 2);
		const result = await run({ conversationId: conversation.id });
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('GET', '/conversations.get');
		expect(calls).toHaveLength(1);
		expect(calls[0].query).toEqual({ id: conversation.id });
		expect(calls[0].rejected).toBeUndefined();
		const got = result.items[0].json.conversation as Record<string, any>;
		expect(got).toMatchObject({ id: conversation.id, title: 'Refund', stage: { name: 'new' } });
		expect(got.messages.map((m: { body: string }) => m.body)).toEqual(['Message 1', 'Message 2']);
	});

	test('by display ID, trimmed', async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		const result = await run({ conversationId: ` ${conversation.display_id} ` });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('GET', '/conversations.get')[0].query).toEqual({ id: 'CONV-1' });
	});

	test('a read is retried after a 503', async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		ctx.sim.fault({ method: 'GET', path: '/conversations.get' }, { status: 503 });
		const result = await run({ conversationId: conversation.id });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('GET', '/conversations.get')).toHaveLength(2);
	});

	test.each([
		['an empty Conversation ID', '={{ "" }}', /^Conversation ID: must not be empty/],
		['an ID with a space', 'CONV 1', /^Conversation ID: "CONV 1" is not a DevRev ID/],
	])('%s: rejected before any request', async (_label, conversationId, message) => {
		const result = await run({ conversationId });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown conversation: DevRev's 404, and under Continue On Fail an item", async () => {
		const result = await run({ conversationId: 'CONV-9' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('conversation CONV-9 not found');
		const kept = await run({ conversationId: 'CONV-9' }, { continueOnFail: true });
		expect(kept.items[0].json).toMatchObject({
			error: 'conversation CONV-9 not found',
			httpCode: '404',
			code: 'not_found',
			retryable: false,
		});
		expect(kept.items[0].pairedItem).toEqual({ item: 0 });
	});
});
