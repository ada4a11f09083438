import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, describePaging, GENERAL, matchesResponse, sentQuery, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'channel',
	operation: 'getFollowers',
	workspaceId: byId(WS),
	channelId: byId(GENERAL),
});
const PATH = `/api/v3/workspaces/${WS}/chat/channels/${GENERAL}/followers`;

describe('ClickUp Chat: Channel > Get Followers', () => {
	test('outputs one item per follower, as ClickUp sent them', async () => {
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				id: '42',
				email: 'maya@example.com',
				name: 'Maya Lindqvist',
				username: 'Maya Lindqvist',
				initials: 'ML',
			},
			{
				id: '183',
				email: 'ada@example.com',
				name: 'Ada Lovelace',
				username: 'Ada Lovelace',
				initials: 'AL',
			},
		]);
		const sent = ctx.sim.calls('GET');
		expect(sent.map((r) => r.path)).toEqual([PATH]);
		expect(sentQuery(sent[0])).toEqual({ limit: '50' });
		const answer = { next_cursor: '', data: result.items.map((i) => i.json) };
		expect(matchesResponse('getChatChannelFollowers', answer)).toBe(true);
	});

	test('a channel nobody follows gives no items', async () => {
		const result = await run({ channelId: byId('8cdu0leadership1') });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	describePaging(ctx, run, PATH, (count) => {
		// you follow #general: you come first, then the others
		const ids = Array.from({ length: count - 1 }, (_, n) => String(2000 + n));
		ctx.sim.state.followers.set(GENERAL, ids);
		return ['42', ...ids];
	});

	test("an unknown channel gives ClickUp's 404, under Continue On Fail as an error item", async () => {
		const result = await run({ channelId: byId('nope') }, { continueOnFail: true });
		expect(result.items.map((i) => i.json)).toEqual([
			expect.objectContaining({
				error: 'Channel nope not found',
				httpCode: '404',
				retryable: false,
			}),
		]);
	});

	test('a channel ID of one dot is rejected before any request', async () => {
		const result = await run({ channelId: byId('={{ "." }}') });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/^Channel: "\." is not an ID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
