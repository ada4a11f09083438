import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, GENERAL, matchesResponse, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'reaction',
	operation: 'add',
	workspaceId: byId(WS),
});
const seed = (): IDataObject =>
	clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: 'Shipped v2' });
const pathOf = (id: unknown) => `/api/v3/workspaces/${WS}/chat/messages/${String(id)}/reactions`;

describe('ClickUp Chat: Reaction > Add', () => {
	test('reacts with the emoji name and outputs the reaction as ClickUp sent it', async () => {
		const message = seed();
		const result = await run({ messageId: message.id, reaction: ' tada ' });
		expect(result.error).toBeUndefined();
		const sent = ctx.sim.calls('POST');
		expect(sent.map((r) => [r.path, r.body])).toEqual([[pathOf(message.id), { reaction: 'tada' }]]);
		const reaction = result.items[0].json;
		expect(reaction).toEqual({ date: expect.any(Number), reaction: 'tada', user_id: '42' });
		expect(ctx.sim.state.reactions.get(message.id)).toEqual([reaction]);
		expect(matchesResponse('createChatReaction', reaction)).toBe(true);
	});

	test('reacts to a message a previous step sent (its ID from an expression)', async () => {
		const sent = await run({
			resource: 'message',
			operation: 'send',
			channelId: byId(GENERAL),
			content: 'Deployed',
		});
		const result = await run(
			{ messageId: '={{ $json.id }}', reaction: 'white_check_mark' },
			{ items: [sent.items[0].json] },
		);
		expect(result.error).toBeUndefined();
		expect(ctx.sim.state.reactions.get(sent.items[0].json.id)).toHaveLength(1);
	});

	test("ClickUp's 400 for a reaction it does not support or you already added, its 404 for a missing message", async () => {
		const message = seed();
		const unknown = await run({ messageId: message.id, reaction: 'Thumbsup' });
		expect(unknown.error?.httpCode).toBe('400');
		expect(unknown.error?.message).toBe('Reaction Thumbsup is not supported or already exists');
		await run({ messageId: message.id, reaction: 'eyes' });
		const twice = await run({ messageId: message.id, reaction: 'eyes' });
		expect(twice.error?.httpCode).toBe('400');
		const missing = await run({ messageId: '80gone', reaction: 'eyes' });
		expect(missing.error?.message).toBe('Message 80gone not found');
		expect(missing.error?.httpCode).toBe('404');
	});

	test('an add is not retried after a 503 (the reaction may exist)', async () => {
		const message = seed();
		ctx.sim.fault({ method: 'POST' }, { status: 503 });
		const result = await run({ messageId: message.id, reaction: 'eyes' });
		expect(result.error?.httpCode).toBe('503');
		expect(ctx.sim.calls('POST')).toHaveLength(1);
	});

	test.each([
		['an empty reaction', { reaction: '={{ " " }}' }, /^Reaction: must not be empty/],
		['a reaction with a slash', { reaction: 'a/b' }, /^Reaction: "a\/b" is not an ID/],
		['an empty message ID', { messageId: '={{ "" }}' }, /^Message ID: must not be empty/],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run({ messageId: '80abc', reaction: 'eyes', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Continue On Fail: added, refused and not-found items, in input order', async () => {
		const message = seed();
		const result = await run(
			{ messageId: '={{ $json.id }}', reaction: '={{ $json.emoji }}' },
			{
				continueOnFail: true,
				items: [
					{ id: message.id, emoji: 'heart' },
					{ id: message.id, emoji: '' },
					{ id: '80none', emoji: 'heart' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ reaction: 'heart', user_id: '42' });
		expect(result.items[1].json).toMatchObject({ code: 'invalid_parameter', field: 'Reaction' });
		expect(result.items[2].json).toMatchObject({
			error: 'Message 80none not found',
			httpCode: '404',
		});
		expect(ctx.sim.calls('POST')).toHaveLength(2);
	});
});
