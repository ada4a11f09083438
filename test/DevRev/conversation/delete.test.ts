import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'conversation', operation: 'delete' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('DevRev: Delete Conversation', () => {
	test('POST /conversations.delete { id }, outputs { deleted: true, id }', async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		const result = await run({ conversationId: conversation.id });
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('POST', '/conversations.delete');
		expect(calls).toHaveLength(1);
		expect(calls[0].body).toEqual({ id: conversation.id });
		expect(calls[0].rejected).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { deleted: true, id: conversation.id }, pairedItem: { item: 0 } },
		]);
		expect(ctx.sim.state.conversations).toHaveLength(0);
	});

	test('a delete is not retried after a 503', async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		ctx.sim.fault({ method: 'POST', path: '/conversations.delete' }, { status: 503 });
		const result = await run({ conversationId: conversation.id });
		expect(result.error?.httpCode).toBe('503');
		expect(ctx.sim.calls('POST', '/conversations.delete')).toHaveLength(1);
	});

	test('an empty Conversation ID: rejected before any request', async () => {
		const result = await run({ conversationId: '={{ "" }}' });
		expect(result.error?.message).toMatch(/^Conversation ID: must not be empty/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("deleting twice: the second is DevRev's 404; under Continue On Fail one item each", async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		const result = await run(
			{ conversationId: '={{ $json.id }}' },
			{ continueOnFail: true, items: [{ id: conversation.id }, { id: conversation.id }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ deleted: true, id: conversation.id });
		expect(result.items[1].json).toMatchObject({
			error: `conversation ${conversation.id} not found`,
			httpCode: '404',
			code: 'not_found',
		});
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
