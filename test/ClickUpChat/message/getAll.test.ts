import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, GENERAL, matchesResponse, sentQuery, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const general = { __rl: true, mode: 'list', value: GENERAL, cachedResultName: '#general' };
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'message',
	operation: 'getAll',
	workspaceId: byId(WS),
	channelId: general,
});
const MESSAGES_PATH = `/api/v3/workspaces/${WS}/chat/channels/${GENERAL}/messages`;

/** `count` messages in #general, oldest first. */
function seedMessages(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, n) =>
		clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: `message ${n}` }),
	);
}

describe('ClickUp Chat: Message > Get Many', () => {
	test('reads a channel most recent first, one item per message, as ClickUp sent them', async () => {
		const posted = seedMessages(3);
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([...posted].reverse());
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		const sent = ctx.sim.calls('GET', MESSAGES_PATH);
		expect(sent).toHaveLength(1);
		expect(sentQuery(sent[0])).toEqual({ limit: '50' });
		const answer = { next_cursor: '', data: result.items.map((i) => i.json) };
		expect(matchesResponse('getChatMessages', answer)).toBe(true);
	});

	test('the conversation a workflow holds: open a DM, post, reply, read it back', async () => {
		const dm = await run({
			resource: 'channel',
			operation: 'createDirectMessage',
			userIds: '183',
		});
		const dmId = dm.items[0].json.id as string;
		const posted = await run(
			{ operation: 'send', channelId: byId('={{ $json.id }}'), content: 'Hello' },
			{ items: [dm.items[0].json] },
		);
		const replied = await run(
			{ operation: 'reply', messageId: '={{ $json.id }}', content: 'In the thread' },
			{ items: [posted.items[0].json] },
		);
		expect(replied.error).toBeUndefined();
		ctx.sim.reset();
		const read = await run({
			channelId: byId(dmId),
			additionalFields: { contentFormat: 'text/plain' },
		});
		expect(read.error).toBeUndefined();
		// replies stay in their thread: the DM holds the one top-level message, its reply counted
		expect(read.items.map((i) => i.json)).toEqual([{ ...posted.items[0].json, replies_count: 1 }]);
		expect(sentQuery(ctx.sim.calls('GET')[0])).toEqual({
			content_format: 'text/plain',
			limit: '50',
		});
	});

	test('Return All follows the cursor through 3 pages of 100', async () => {
		const posted = seedMessages(230);
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(posted.map((m) => m.id).reverse());
		expect(ctx.sim.calls('GET', MESSAGES_PATH).map(sentQuery)).toEqual([
			{ limit: '100' },
			{ limit: '100', cursor: clickup.encodeCursor(100) },
			{ limit: '100', cursor: clickup.encodeCursor(200) },
		]);
	});

	test('a Limit returns the most recent messages and stops paging', async () => {
		const posted = seedMessages(230);
		const result = await run({ limit: 150 });
		expect(result.items.map((i) => i.json.content)).toEqual(
			posted
				.map((m) => m.content)
				.reverse()
				.slice(0, 150),
		);
		expect(ctx.sim.calls('GET', MESSAGES_PATH).map(sentQuery)).toEqual([
			{ limit: '100' },
			{ limit: '50', cursor: clickup.encodeCursor(100) },
		]);
	});

	test('a channel without messages gives no items', async () => {
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	test('a cursor that repeats stops with an error', async () => {
		seedMessages(120);
		ctx.sim.state.repeatCursor = true;
		const result = await run({ returnAll: true });
		expect(result.error?.message).toMatch(/Paging through ClickUp stopped: the page cursor/);
		expect(ctx.sim.calls('GET')).toHaveLength(2);
	});

	test('a transient 503 on Get Many is retried (one answer, two requests)', async () => {
		seedMessages(2);
		ctx.sim.fault({ method: 'GET', path: MESSAGES_PATH }, { status: 503 });
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(ctx.sim.calls('GET', MESSAGES_PATH)).toHaveLength(2);
	});

	test("an unknown channel gives ClickUp's 404", async () => {
		const result = await run({ channelId: byId('nope') });
		expect(result.error?.message).toBe('Channel nope not found');
		expect(result.error?.httpCode).toBe('404');
	});

	test('a channel ID with a space is sent as it is, encoded', async () => {
		const result = await run({ channelId: byId('={{ "a b" }}') });
		expect(result.error?.httpCode).toBe('404');
		expect(ctx.sim.calls('GET').map((r) => r.path)).toEqual([
			`/api/v3/workspaces/${WS}/chat/channels/a%20b/messages`,
		]);
	});

	test.each([
		['a Limit of 0', { limit: 0 }, /Limit: must be at least 1, got 0/],
		[
			'a channel ID with a backslash',
			{ channelId: byId('={{ "a\\\\b" }}') },
			/Channel: "a\\\\b" is not an ID: it contains a slash, a backslash or a control character/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
