import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, matchesResponse, SIDE_WS, sentQuery, WS } from '../kit';

const ctx = useSimulator('clickup');
// every test starts from the simulator's seeded channels
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'channel',
	operation: 'getAll',
	workspaceId: byId(WS),
});
const LIST_PATH = `/api/v3/workspaces/${WS}/chat/channels`;

const channelsIn = (workspaceId: string) =>
	[...ctx.sim.state.channels.values()].filter((c: IDataObject) => c.workspace_id === workspaceId);

/** A workspace with `count` more channels, in a fresh simulator state. */
function seedChannels(count: number) {
	for (let n = 0; n < count; n++)
		clickup.addChannel(ctx.sim.state, SIDE_WS, {
			name: `room-${String(n).padStart(3, '0')}`,
			type: 'CHANNEL',
			visibility: 'PUBLIC',
		});
	return channelsIn(SIDE_WS);
}

describe('ClickUp Chat: Channel > Get Many', () => {
	test('lists the Workspace channels, one item per channel, as ClickUp sent them', async () => {
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual(channelsIn(WS));
		expect(result.items.map((i) => i.json.name)).toEqual(['general', 'engineering', 'leadership']);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		const sent = ctx.sim.calls('GET', LIST_PATH);
		expect(sent).toHaveLength(1);
		expect(sentQuery(sent[0])).toEqual({ limit: '50' });
		expect(sent[0].headers.authorization).toBe(clickup.TOKEN);
		// what the simulator answers is the documented response shape
		const answer = { next_cursor: '', data: result.items.map((i) => i.json) };
		expect(matchesResponse('getChatChannels', answer)).toBe(true);
	});

	test('sends every filter under its API name; channel types as repeated parameters', async () => {
		const dm = await run({ operation: 'createDirectMessage', userIds: '183' });
		await run({
			resource: 'message',
			operation: 'send',
			channelId: byId(dm.items[0].json.id as string),
			content: 'hi',
		});
		ctx.sim.reset();
		const result = await run({
			returnAll: true,
			filters: {
				channelTypes: ['DM', 'GROUP_DM'],
				includeClosed: true,
				isFollower: true,
				withMessageSince: '2026-01-01T00:00:00Z',
			},
			additionalFields: { descriptionFormat: 'text/plain' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual([dm.items[0].json.id]);
		const sent = ctx.sim.calls('GET', LIST_PATH)[0];
		expect(sentQuery(sent)).toEqual({
			channel_types: ['DM', 'GROUP_DM'],
			description_format: 'text/plain',
			include_closed: 'true',
			is_follower: 'true',
			with_message_since: String(Date.UTC(2026, 0, 1)),
			limit: '100',
		});
		expect(sent.rawQuery).toContain('channel_types=DM&channel_types=GROUP_DM');
	});

	test("a date without an offset is read in the workflow's time zone", async () => {
		const result = await run(
			{ filters: { withMessageSince: '2026-07-01T09:30:00' } },
			{ additionalData: { timezone: 'America/New_York' } as never },
		);
		expect(result.error).toBeUndefined();
		// 09:30 in New York in July (EDT, UTC-4) is 13:30 UTC
		expect(sentQuery(ctx.sim.calls('GET', LIST_PATH)[0]).with_message_since).toBe(
			String(Date.UTC(2026, 6, 1, 13, 30)),
		);
	});

	test('Extra Query Parameters (JSON) are merged last, arrays repeated', async () => {
		const result = await run({
			filters: { isFollower: true },
			additionalQueryParameters: '{"is_follower": false, "channel_types": ["CHANNEL"]}',
		});
		expect(result.error).toBeUndefined();
		expect(sentQuery(ctx.sim.calls('GET', LIST_PATH)[0])).toEqual({
			is_follower: 'false',
			channel_types: 'CHANNEL',
			limit: '50',
		});
		expect(result.items.map((i) => i.json.name)).toEqual(['general', 'engineering', 'leadership']);
	});

	test('Return All follows the cursor through 3 pages of 100', async () => {
		const all = seedChannels(249);
		const result = await run({ workspaceId: byId(SIDE_WS), returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(250);
		expect(result.items.map((i) => i.json.id)).toEqual(all.map((c: IDataObject) => c.id));
		const sent = ctx.sim.calls('GET', `/api/v3/workspaces/${SIDE_WS}/chat/channels`);
		expect(sent.map(sentQuery)).toEqual([
			{ limit: '100' },
			{ limit: '100', cursor: clickup.encodeCursor(100) },
			{ limit: '100', cursor: clickup.encodeCursor(200) },
		]);
	});

	test('a Limit stops paging once reached and asks only for what is missing', async () => {
		seedChannels(249);
		const result = await run({ workspaceId: byId(SIDE_WS), returnAll: false, limit: 120 });
		expect(result.items).toHaveLength(120);
		const sent = ctx.sim.calls('GET', `/api/v3/workspaces/${SIDE_WS}/chat/channels`);
		expect(sent.map(sentQuery)).toEqual([
			{ limit: '100' },
			{ limit: '20', cursor: clickup.encodeCursor(100) },
		]);
	});

	test('a cursor that comes back again stops with an error instead of looping', async () => {
		seedChannels(249);
		ctx.sim.state.repeatCursor = true;
		const result = await run({ workspaceId: byId(SIDE_WS), returnAll: true });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(
			/^Paging through ClickUp stopped: the page cursor ".+" came back a second time/,
		);
		expect(result.error?.context).toMatchObject({ code: 'paging_stopped', retryable: false });
		expect(ctx.sim.calls('GET')).toHaveLength(2);
	});

	test('a transient 503 on a list is retried: one answer, two requests', async () => {
		ctx.sim.fault(
			{ method: 'GET', path: LIST_PATH },
			{ status: 503, message: 'Service Unavailable' },
		);
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		const sent = ctx.sim.calls('GET', LIST_PATH);
		expect(sent).toHaveLength(2);
		expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(200);
	});

	test.each([
		[
			'an unknown channel type from an expression',
			{ filters: { channelTypes: '={{ ["CHANNEL", "THREAD"] }}' } },
			/Channel Types: "THREAD" is not one of CHANNEL, DM, GROUP_DM/,
		],
		[
			'a date that is not one',
			{ filters: { withMessageSince: '={{ "last tuesday" }}' } },
			/With Message Since: must be a date and time like/,
		],
		[
			'query JSON that does not parse',
			{ additionalQueryParameters: '{"is_follower": ' },
			/Extra Query Parameters \(JSON\): is not valid JSON/,
		],
		['a Limit of 0', { returnAll: false, limit: 0 }, /Limit: must be at least 1, got 0/],
		[
			'a non-numeric workspace from an expression',
			{ workspaceId: byId('={{ "acme" }}') },
			/Workspace: must be a whole number, got "acme"/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("401, 404 and 429 carry ClickUp's message, status and trace ID", async () => {
		const unauthorized = await run({}, { credential: { accessToken: 'pk_1_WRONG' } });
		expect(unauthorized.error?.name).toBe('NodeApiError');
		expect(unauthorized.error?.message).toBe('Token invalid');
		expect(unauthorized.error?.httpCode).toBe('401');
		expect(unauthorized.error?.context).toMatchObject({ retryable: false });
		expect(unauthorized.error?.context?.requestId).toMatch(/^\d+$/);

		const missing = await run({ workspaceId: byId('555') });
		expect(missing.error?.message).toBe('Workspace 555 not found');
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.description).toMatch(/ClickUp trace ID: \d+/);

		ctx.sim.reset();
		ctx.sim.fault(
			{ method: 'GET', path: LIST_PATH, times: 10 },
			{ status: 429, headers: { 'X-RateLimit-Reset': '0' }, message: 'Rate limit reached' },
		);
		const limited = await run();
		expect(limited.error?.message).toBe('Rate limit reached');
		expect(limited.error?.httpCode).toBe('429');
		expect(limited.error?.context).toMatchObject({ retryable: true });
		expect(ctx.sim.calls('GET', LIST_PATH)).toHaveLength(4);
	});
});
