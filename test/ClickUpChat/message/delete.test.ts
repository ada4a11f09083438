import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, GENERAL, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'message',
	operation: 'delete',
	workspaceId: byId(WS),
});
const seed = (content: string): IDataObject =>
	clickup.addMessage(ctx.sim.state, WS, GENERAL, { content });

describe('ClickUp Chat: Message > Delete', () => {
	test('deletes the message and outputs deleted: true with its ID', async () => {
		const [keep, drop] = [seed('keep'), seed('drop')];
		const result = await run({ messageId: drop.id });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, id: drop.id }]);
		expect(ctx.sim.calls('DELETE').map((r) => [r.path, r.body])).toEqual([
			[`/api/v3/workspaces/${WS}/chat/messages/${drop.id}`, undefined],
		]);
		expect(ctx.sim.state.messages.map((m: IDataObject) => m.id)).toEqual([keep.id]);
	});

	test('deleting a reply takes it out of its thread', async () => {
		const parent = await run({ operation: 'send', channelId: byId(GENERAL), content: 'Q' });
		const reply = await run(
			{ operation: 'reply', messageId: '={{ $json.id }}', content: 'A' },
			{ items: [parent.items[0].json] },
		);
		const result = await run({ messageId: '={{ $json.id }}' }, { items: [reply.items[0].json] });
		expect(result.items[0].json).toEqual({ deleted: true, id: reply.items[0].json.id });
		const thread = await run({ operation: 'getReplies', messageId: parent.items[0].json.id });
		expect(thread.items).toEqual([]);
		expect(ctx.sim.state.messages[0].replies_count).toBe(0);
	});

	test("a message that is not there gives ClickUp's 404", async () => {
		const result = await run({ messageId: '80gone' });
		expect(result.error?.message).toBe('Message 80gone not found');
		expect(result.error?.httpCode).toBe('404');
	});

	test.each([
		['an empty message ID', '={{ "" }}', /^Message ID: must not be empty/],
		['a message ID with a control character', '={{ "80\\n1" }}', /^Message ID: .* is not an ID/],
	])('%s is rejected before any request', async (_label, value, message) => {
		const result = await run({ messageId: value });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Continue On Fail: deleted, refused and not-found items, in input order', async () => {
		const message = seed('once');
		const result = await run(
			{ messageId: '={{ $json.id }}' },
			{ continueOnFail: true, items: [{ id: message.id }, { id: '..' }, { id: message.id }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ deleted: true, id: message.id });
		expect(result.items[1].json).toMatchObject({ code: 'invalid_parameter', field: 'Message ID' });
		expect(result.items[2].json).toMatchObject({ httpCode: '404', retryable: false });
		expect(ctx.sim.calls('DELETE')).toHaveLength(2);
	});
});
