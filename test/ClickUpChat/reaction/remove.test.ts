import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, GENERAL, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'reaction',
	operation: 'remove',
	workspaceId: byId(WS),
});
/** A message in #general with your `reactions` on it. */
function seed(...reactions: string[]): IDataObject {
	const message = clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: 'Hi' });
	ctx.sim.state.reactions.set(
		message.id,
		reactions.map((reaction) => ({ date: 1767600000000, reaction, user_id: '42' })),
	);
	return message;
}

describe('ClickUp Chat: Reaction > Remove', () => {
	test('removes your reaction and outputs deleted: true, the message ID and the reaction', async () => {
		const message = seed('eyes', 'heart');
		const result = await run({ messageId: message.id, reaction: 'eyes' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ deleted: true, id: message.id, reaction: 'eyes' },
		]);
		expect(ctx.sim.calls('DELETE').map((r) => [r.path, r.body])).toEqual([
			[`/api/v3/workspaces/${WS}/chat/messages/${String(message.id)}/reactions/eyes`, undefined],
		]);
		expect(ctx.sim.state.reactions.get(message.id).map((r: IDataObject) => r.reaction)).toEqual([
			'heart',
		]);
	});

	test('a reaction name is encoded as one path segment', async () => {
		const message = seed();
		const result = await run({ messageId: message.id, reaction: '+1 ok' });
		expect(result.error?.httpCode).toBe('400');
		expect(ctx.sim.calls('DELETE').map((r) => r.path.split('/').pop())).toEqual(['%2B1%20ok']);
	});

	test("ClickUp's 400 for an unsupported reaction, its 404 for one that is not there", async () => {
		const message = seed();
		const unsupported = await run({ messageId: message.id, reaction: 'party_parrot' });
		expect(unsupported.error?.message).toBe('Reaction party_parrot is not supported');
		expect(unsupported.error?.httpCode).toBe('400');
		const absent = await run({ messageId: message.id, reaction: 'heart' });
		expect(absent.error?.message).toBe('Reaction heart not found');
		expect(absent.error?.httpCode).toBe('404');
		const noMessage = await run({ messageId: '80none', reaction: 'heart' });
		expect(noMessage.error?.message).toBe('Message 80none not found');
	});

	test.each([
		['a reaction of two dots', { reaction: '={{ ".." }}' }, /^Reaction: "\.\." is not an ID/],
		['a reaction with a slash', { reaction: 'thumbs/up' }, /^Reaction: "thumbs\/up" is not an ID/],
		['an empty message ID', { messageId: '={{ "" }}' }, /^Message ID: must not be empty/],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run({ messageId: '80abc', reaction: 'eyes', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Continue On Fail: removed, refused and not-found items, in input order', async () => {
		const message = seed('tada');
		const result = await run(
			{ messageId: String(message.id), reaction: '={{ $json.emoji }}' },
			{ continueOnFail: true, items: [{ emoji: 'tada' }, { emoji: 'a\\b' }, { emoji: 'tada' }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ deleted: true, id: message.id, reaction: 'tada' });
		expect(result.items[1].json).toMatchObject({ code: 'invalid_parameter', field: 'Reaction' });
		expect(result.items[2].json).toMatchObject({
			error: 'Reaction tada not found',
			httpCode: '404',
		});
		expect(ctx.sim.calls('DELETE')).toHaveLength(2);
	});
});
