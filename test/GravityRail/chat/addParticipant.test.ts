import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { CHATS, gr } from '../kit';

const ctx = useSimulator('gravityrail');
const run = nodeRunner(ctx, specs.gravityRail, { resource: 'chat', operation: 'addParticipant' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('Gravity Rail: Chat → Add Participant', () => {
	test("POST /chats/{chat_id}/participants { memberId }, Gravity Rail's answer out", async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({ chatId: chat.id, memberId: ' 202 ' });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		const [sent] = ctx.sim.requests;
		expect(sent.method).toBe('POST');
		expect(sent.path).toBe(`${CHATS}/${chat.id}/participants`);
		expect(sent.body).toEqual({ memberId: '202' });
		expect(sent.rejected).toBeUndefined();
		expect(result.items[0].json).toEqual({
			success: true,
			message: 'Participant added',
			participantId: 'part-1',
		});
		expect(ctx.sim.state.chats[0].participants.at(-1)).toMatchObject({
			memberId: '202',
			role: 'contributor',
		});
	});

	test('a Role, and Extra Body Fields (JSON) merged last', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({
			chatId: chat.id,
			memberId: '900',
			additionalFields: { role: 'operator' },
			additionalBodyFields: '{"note": "escalation"}',
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].body).toEqual({
			memberId: '900',
			role: 'operator',
			note: 'escalation',
		});
		expect(ctx.sim.state.chats[0].participants.at(-1)).toMatchObject({
			memberId: '900',
			role: 'operator',
		});
	});

	test('adding is not retried after a 503 (it may have happened)', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		ctx.sim.fault({ method: 'POST' }, { status: 503, body: { detail: 'Busy' } });
		const result = await run({ chatId: chat.id, memberId: '202' });
		expect(result.error?.httpCode).toBe('503');
		expect(ctx.sim.requests).toHaveLength(1);
	});

	test("a member already in the chat: Gravity Rail's 400", async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({ chatId: chat.id, memberId: gr.ME.id });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe(
			`Member ${gr.ME.id} is already a participant of chat ${chat.id}`,
		);
	});

	test.each([
		['an empty Member ID', { memberId: '={{ "" }}' }, /^Member ID: must not be empty/],
		['a Chat ID with a slash', { chatId: '5001/x' }, /^Chat ID: "5001\/x" is not an ID/],
		['a Chat ID that is ..', { chatId: '..' }, /^Chat ID: "\.\." is not an ID/],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ chatId: '5001', memberId: '202', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Continue On Fail: an unknown chat and an unknown member are items; the good one is added', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run(
			{ chatId: '={{ $json.chat }}', memberId: '={{ $json.member }}' },
			{
				continueOnFail: true,
				items: [
					{ chat: '9999', member: '202' },
					{ chat: chat.id, member: '777' },
					{ chat: chat.id, member: '202' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ error: 'Chat 9999 not found', httpCode: '404' });
		expect(result.items[1].json).toMatchObject({ error: 'Member 777 not found', httpCode: '404' });
		expect(result.items[2].json).toMatchObject({ success: true });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
