import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, GENERAL, matchesResponse, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'message',
	operation: 'reply',
	workspaceId: byId(WS),
});
const seedMessage = (): IDataObject =>
	clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: 'message 0' });

describe('ClickUp Chat: Message > Reply', () => {
	test("posts the reply in the message's thread with the fields under their API names", async () => {
		const parent = seedMessage();
		const result = await run({
			messageId: parent.id,
			content: 'Agreed',
			additionalFields: { contentFormat: 'text/plain', followers: ['183'], groupAssignee: 'g-1' },
		});
		expect(result.error).toBeUndefined();
		const sent = ctx.sim.calls('POST');
		expect(sent).toHaveLength(1);
		expect(sent[0].path).toBe(`/api/v3/workspaces/${WS}/chat/messages/${parent.id}/replies`);
		expect(sent[0].body).toEqual({
			type: 'message',
			content: 'Agreed',
			content_format: 'text/plain',
			group_assignee: 'g-1',
			followers: ['183'],
		});
		const reply = result.items[0].json;
		expect(reply).toEqual(ctx.sim.state.messages.find((m: IDataObject) => m.id === reply.id));
		expect(reply).toMatchObject({
			parent_message: parent.id,
			parent_channel: GENERAL,
			content: 'Agreed',
		});
		expect(matchesResponse('createReplyMessage', reply)).toBe(true);
	});

	test('a post reply sends post_data', async () => {
		const parent = seedMessage();
		const result = await run({
			messageId: parent.id,
			content: 'Notes',
			type: 'post',
			postTitle: 'Minutes',
			postSubtypeId: 'sub-2',
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST')[0].body).toEqual({
			type: 'post',
			content: 'Notes',
			post_data: { title: 'Minutes', subtype: { id: 'sub-2' } },
		});
	});

	test.each([
		['an empty message ID', { messageId: '={{ "" }}' }, /Message ID: must not be empty/],
		[
			'a message ID with a slash',
			{ messageId: '={{ "80/1" }}' },
			/Message ID: "80\/1" is not an ID: it contains a slash/,
		],
		['a message ID of one dot', { messageId: '={{ "." }}' }, /^Message ID: "\." is not an ID/],
		[
			'content over 40,000 characters',
			{ content: 'x'.repeat(40001) },
			/Content: must be at most 40000 characters, got 40001/,
		],
		[
			'a post title over 255 characters',
			{ type: 'post', postTitle: 't'.repeat(256), postSubtypeId: 's' },
			/Post Title: must be at most 255 characters/,
		],
		[
			'duplicate followers',
			{ additionalFields: { followers: '5,5' } },
			/Followers: contains "5" more than once/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run({ messageId: '80abc', content: 'hi', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown message gives ClickUp's 404", async () => {
		const result = await run({ messageId: '80nope', content: 'hi' });
		expect(result.error?.message).toBe('Message 80nope not found');
		expect(result.error?.httpCode).toBe('404');
	});
});
