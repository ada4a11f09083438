import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { CHATS, gr } from '../kit';

const ctx = useSimulator('gravityrail');
const run = nodeRunner(ctx, specs.gravityRail, { resource: 'chat' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('Gravity Rail: Chat → Update', () => {
	test('PUT /chats/{chat_id} with the fields under their API names; the updated chat out', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({
			operation: 'update',
			chatId: chat.id,
			updateFields: {
				title: ' Renamed ',
				assistantEnabled: false,
				assistantMemberId: '900',
				assistantChatModelId: 'gpt-4o',
				assistantRealtimeModelId: 'gpt-4o-realtime',
				chatType: 'assignment',
				isTest: true,
				siteId: '41',
			},
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		const [sent] = ctx.sim.requests;
		expect(sent.method).toBe('PUT');
		expect(sent.path).toBe(`${CHATS}/${chat.id}`);
		expect(sent.body).toEqual({
			title: 'Renamed',
			assistantEnabled: false,
			assistantMemberId: '900',
			assistantChatModelId: 'gpt-4o',
			assistantRealtimeModelId: 'gpt-4o-realtime',
			chatType: 'assignment',
			isTest: true,
			siteId: '41',
		});
		expect(sent.rejected).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			id: chat.id,
			title: 'Renamed',
			assistantEnabled: false,
			isTest: true,
		});
	});

	test('Extra Body Fields are merged last and win', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({
			operation: 'update',
			chatId: chat.id,
			updateFields: { title: 'A' },
			additionalBodyFields: '{"title": "B", "status": "archived"}',
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].body).toEqual({ title: 'B', status: 'archived' });
		expect(result.items[0].json.title).toBe('B');
	});

	test('an update is not retried after a 503', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		ctx.sim.fault({ method: 'PUT' }, { status: 503, body: { detail: 'Busy' } });
		const result = await run({
			operation: 'update',
			chatId: chat.id,
			updateFields: { title: 'x' },
		});
		expect(result.error?.httpCode).toBe('503');
		expect(result.error?.message).toBe('Busy');
		expect(result.error?.context).toMatchObject({ retryable: true });
		expect(ctx.sim.requests).toHaveLength(1);
	});

	test("an unknown assistant member: Gravity Rail's 404", async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({
			operation: 'update',
			chatId: chat.id,
			updateFields: { assistantMemberId: '202' },
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Assistant member 202 not found');
	});

	test.each([
		['nothing to change', {}, /^Update Fields: add at least one field to change/],
		['only blank text', { updateFields: { title: '  ' } }, /^Update Fields: add at least one/],
		[
			'Extra Body Fields that are not JSON',
			{ updateFields: { title: 'x' }, additionalBodyFields: '{x' },
			/^Extra Body Fields \(JSON\): is not valid JSON/,
		],
		[
			'a Chat ID with a slash',
			{ chatId: 'chat/1', updateFields: { title: 'x' } },
			/^Chat ID: "chat\/1" is not an ID: it contains a slash/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ operation: 'update', chatId: '5001', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
