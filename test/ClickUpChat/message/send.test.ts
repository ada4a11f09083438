import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, WS } from '../kit';

const ctx = useSimulator('clickup');
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'message',
	operation: 'send',
	workspaceId: byId(WS),
});
const openDm = (userIds: string) =>
	run({ resource: 'channel', operation: 'createDirectMessage', userIds });
const messagesOf = (channelId: string) =>
	ctx.sim.calls('POST', `/api/v3/workspaces/${WS}/chat/channels/${channelId}/messages`);

describe('ClickUp Chat: Message > Send', () => {
	test('posts into a DM opened by a previous step (the ID comes from an expression)', async () => {
		const dm = await openDm('183');
		const channelId = dm.items[0].json.id as string;

		const result = await run(
			{ channelId: byId('={{ $json.id }}'), content: 'Hello **there**' },
			{ items: [dm.items[0].json] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			type: 'message',
			content: 'Hello **there**',
			parent_channel: channelId,
		});
		expect(messagesOf(channelId)[0].body).toEqual({ type: 'message', content: 'Hello **there**' });
	});

	test('a post sends post_data and the optional fields under their API names', async () => {
		const dm = await openDm('184');
		const channelId = dm.items[0].json.id as string;
		// a plain ID string, as workflows saved before the Channel picker hold it
		const result = await run({
			channelId,
			content: 'Release notes',
			type: 'post',
			postTitle: 'v1.2',
			postSubtypeId: 'sub-1',
			additionalFields: { contentFormat: 'text/plain', followers: '183,184', assignee: '183' },
		});
		expect(result.error).toBeUndefined();
		expect(messagesOf(channelId)[0].body).toEqual({
			type: 'post',
			content: 'Release notes',
			content_format: 'text/plain',
			assignee: '183',
			followers: ['183', '184'],
			post_data: { title: 'v1.2', subtype: { id: 'sub-1' } },
		});
	});

	test.each([
		[
			'content over 40,000 characters',
			{ content: 'x'.repeat(40001) },
			/Content: must be at most 40000 characters, got 40001/,
		],
		[
			'11 followers',
			{
				additionalFields: { followers: Array.from({ length: 11 }, (_, i) => String(i)).join(',') },
			},
			/Followers: allows at most 10 entries/,
		],
		[
			'a channel ID with a slash',
			{ channelId: '={{ "a/b" }}' },
			/Channel: "a\/b" is not an ID: it contains a slash/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run({ channelId: 'abc', content: 'hi', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown channel gives ClickUp's 404 message", async () => {
		const result = await run({ channelId: 'nope', content: 'hi' });
		expect(result.error?.message).toBe('Channel nope not found');
		expect(result.error?.httpCode).toBe('404');
	});
});
