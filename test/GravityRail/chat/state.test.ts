/** Chat → Update → State: hand a chat to a person (Paused), give it back to the AI, mute, archive. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { CHATS, gr } from '../kit';

const ctx = useSimulator('gravityrail');
const run = nodeRunner(ctx, specs.gravityRail, { resource: 'chat', operation: 'update' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('Gravity Rail: Chat → Update → State', () => {
	test.each(['paused', 'active', 'muted', 'archived'])(
		'%s: PUT /chats/{chat_id} { state }, the chat out in that state',
		async (state) => {
			const [chat] = gr.seedChats(ctx.sim.state, 1);
			const result = await run({ chatId: chat.id, updateFields: { state } });
			expect(result.error).toBeUndefined();
			expect(ctx.sim.requests).toHaveLength(1);
			expect(ctx.sim.requests[0].method).toBe('PUT');
			expect(ctx.sim.requests[0].path).toBe(`${CHATS}/${chat.id}`);
			expect(ctx.sim.requests[0].body).toEqual({ state });
			expect(ctx.sim.requests[0].rejected).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ id: chat.id, state });
		},
	);

	test('a chat starts active; pausing it with a note in the title keeps the other fields', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		expect(chat.state).toBe('active');
		const result = await run({
			chatId: chat.id,
			updateFields: { state: 'paused', title: 'Escalated to a person' },
		});
		expect(ctx.sim.requests[0].body).toEqual({ title: 'Escalated to a person', state: 'paused' });
		expect(result.items[0].json).toMatchObject({
			state: 'paused',
			title: 'Escalated to a person',
			assistantEnabled: true,
			channel: 'web-chat',
		});
	});

	test('Extra Body Fields (JSON) can send the state under another name', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({
			chatId: chat.id,
			updateFields: { state: 'paused' },
			additionalBodyFields: '{"state": "muted"}',
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].body).toEqual({ state: 'muted' });
	});

	test('a state Gravity Rail does not have, from an expression: rejected before any request', async () => {
		const result = await run({ chatId: '5001', updateFields: { state: '={{ "closed" }}' } });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(
			/^State: must be one of active, archived, muted, paused, got "closed"/,
		);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Continue On Fail: an unknown chat is an item, the other chat is paused', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run(
			{ chatId: '={{ $json.id }}', updateFields: { state: 'paused' } },
			{ continueOnFail: true, items: [{ id: '9999' }, { id: chat.id }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			error: 'Chat 9999 not found',
			httpCode: '404',
			retryable: false,
		});
		expect(result.items[1].json).toMatchObject({ id: chat.id, state: 'paused' });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
