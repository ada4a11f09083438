import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, GENERAL, sentQuery, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'channel',
	operation: 'get',
	workspaceId: byId(WS),
});
const LIST_PATH = `/api/v3/workspaces/${WS}/chat/channels`;

describe('ClickUp Chat: Channel > Get', () => {
	test('gets one channel by ID: its own fields, flat', async () => {
		const result = await run({
			channelId: { __rl: true, mode: 'list', value: GENERAL, cachedResultName: '#general' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual(ctx.sim.state.channels.get(GENERAL));
		const sent = ctx.sim.calls('GET');
		expect(sent).toHaveLength(1);
		expect(sent[0].path).toBe(`${LIST_PATH}/${GENERAL}`);
		expect(sentQuery(sent[0])).toEqual({});
	});

	test('gets a DM opened by a previous step, description as plain text when asked', async () => {
		const dm = await run({ operation: 'createDirectMessage', userIds: '190' });
		const result = await run(
			{
				channelId: byId('={{ $json.id }}'),
				additionalFields: { descriptionFormat: 'text/plain' },
			},
			{ items: [dm.items[0].json] },
		);
		expect(result.error).toBeUndefined();
		const { created: _created, ...channel } = dm.items[0].json;
		expect(result.items[0].json).toEqual(channel);
		expect(sentQuery(ctx.sim.calls('GET')[0])).toEqual({ description_format: 'text/plain' });

		const general = await run({
			channelId: byId(GENERAL),
			additionalFields: { descriptionFormat: 'text/plain' },
		});
		expect(general.items[0].json.description).toBe('Company-wide announcements');
	});

	test("an unknown channel gives ClickUp's 404 with its trace ID", async () => {
		const result = await run({ channelId: byId('nope') });
		expect(result.error?.message).toBe('Channel nope not found');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.context?.requestId).toMatch(/^\d+$/);
	});

	test('an ID of a form the docs do not state (a space, a dot) is sent as it is, encoded', async () => {
		const result = await run({ channelId: byId('={{ "room 1.a" }}') });
		expect(result.error?.httpCode).toBe('404');
		expect(ctx.sim.calls('GET').map((r) => r.path)).toEqual([`${LIST_PATH}/room%201.a`]);
	});

	test.each([
		[
			'a channel ID with a slash',
			'={{ "a/b" }}',
			/^Channel: "a\/b" is not an ID: it contains a slash, a backslash or a control character/,
		],
		['an empty channel from an expression', '={{ "" }}', /Channel: must not be empty/],
		['a channel ID of two dots', '={{ ".." }}', /^Channel: "\.\." is not an ID/],
	])('%s is rejected before any request', async (_label, value, message) => {
		const result = await run({ channelId: byId(value) });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("a typed ID with a slash is caught by n8n's own check of the By ID mode", async () => {
		const result = await run({ channelId: byId('a/b') });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/A channel ID has no slash or backslash/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
