import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, describePaging, GENERAL, matchesResponse, sentQuery, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'channel',
	operation: 'getMembers',
	workspaceId: byId(WS),
	channelId: byId(GENERAL),
});
const PATH = `/api/v3/workspaces/${WS}/chat/channels/${GENERAL}/members`;

describe('ClickUp Chat: Channel > Get Members', () => {
	test('outputs one item per member, as ClickUp sent them', async () => {
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
			{
				id: '184',
				email: 'grace@example.com',
				name: 'Grace Hopper',
				username: 'Grace Hopper',
				initials: 'GH',
			},
		]);
		const sent = ctx.sim.calls('GET');
		expect(sent.map((r) => r.path)).toEqual([PATH]);
		expect(sentQuery(sent[0])).toEqual({ limit: '50' });
		const answer = { next_cursor: '', data: result.items.map((i) => i.json) };
		expect(matchesResponse('getChatChannelMembers', answer)).toBe(true);
	});

	test('a DM opened by a previous step lists you and the other user', async () => {
		const dm = await run({ operation: 'createDirectMessage', userIds: '183' });
		const result = await run({ channelId: byId('={{ $json.id }}') }, { items: [dm.items[0].json] });
		expect(result.items.map((i) => i.json.id)).toEqual(['183', '42']);
	});

	describePaging(ctx, run, PATH, (count) => {
		const ids = Array.from({ length: count }, (_, n) => String(1000 + n));
		ctx.sim.state.members.set(GENERAL, ids);
		return ids;
	});

	test("an unknown channel gives ClickUp's 404", async () => {
		const result = await run({ channelId: byId('nope') });
		expect(result.error?.message).toBe('Channel nope not found');
		expect(result.error?.httpCode).toBe('404');
	});

	test.each([
		['a Limit of 0', { limit: 0 }, /^Limit: must be at least 1, got 0/],
		[
			'a channel ID with a slash',
			{ channelId: byId('={{ "a/b" }}') },
			/^Channel: "a\/b" is not an ID/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Continue On Fail: the members of one channel, then an error item for the missing one', async () => {
		const result = await run(
			{ channelId: byId('={{ $json.id }}') },
			{ continueOnFail: true, items: [{ id: '8cdu0engineering' }, { id: 'missing' }] },
		);
		expect(result.items.map((i) => [i.pairedItem, i.json.id ?? i.json.error])).toEqual([
			[{ item: 0 }, '42'],
			[{ item: 0 }, '183'],
			[{ item: 1 }, 'Channel missing not found'],
		]);
	});
});
