import Ajv from 'ajv';
import type { IDataObject } from 'n8n-workflow';

import { ClickUpChatApi } from '../../credentials/ClickUpChatApi.credentials';
import { ClickUpChat } from '../../nodes/ClickUpChat/ClickUpChat.node';
import { runNode } from '../engine/harness';
import type { RunOptions } from '../engine/harness';
import { providers, useSimulator } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = require('../../dev/simulator/schemas/clickup.json');

const clickup = providers.clickup;
const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const WS = '9012345678';
const GENERAL = '8cdu0general0001';
const MESSAGES_PATH = `/api/v3/workspaces/${WS}/chat/channels/${GENERAL}/messages`;

function run(parameters: Record<string, unknown>, extra: Partial<RunOptions> = {}) {
	return runNode({
		node: new ClickUpChat(),
		credentialTypes: [new ClickUpChatApi()],
		credentials: { clickUpChatApi: { accessToken: clickup.TOKEN, baseUrl: ctx.sim.baseUrl } },
		parameters: {
			resource: 'message',
			workspaceId: { __rl: true, mode: 'id', value: WS },
			...parameters,
		},
		...extra,
	});
}

function sentQuery(record: { rawQuery?: string }): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(record.rawQuery));
}

/** `count` messages in #general, oldest first. */
function seedMessages(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, n) =>
		clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: `message ${n}` }),
	);
}

const general = { __rl: true, mode: 'list', value: GENERAL, cachedResultName: '#general' };

describe('ClickUp Chat: Message > Get Many', () => {
	test('reads a channel most recent first, one item per message, as ClickUp sent them', async () => {
		const posted = seedMessages(3);
		const result = await run({ operation: 'getAll', channelId: general });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([...posted].reverse());
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		const sent = ctx.sim.calls('GET', MESSAGES_PATH);
		expect(sent).toHaveLength(1);
		expect(sentQuery(sent[0])).toEqual({ limit: '50' });
		const ajv = new Ajv({ strict: false });
		ajv.addFormat('RichText', true);
		const validate = ajv.compile(schemas.getChatMessages.response);
		expect(validate({ next_cursor: '', data: result.items.map((i) => i.json) })).toBe(true);
	});

	test('the conversation a workflow holds: open a DM, post, reply, read it back', async () => {
		const dm = await run({
			resource: 'channel',
			operation: 'createDirectMessage',
			userIds: '183',
		});
		const dmId = dm.items[0].json.id as string;
		const posted = await run(
			{
				operation: 'send',
				channelId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				content: 'Hello',
			},
			{ items: [dm.items[0].json] },
		);
		const replied = await run(
			{ operation: 'reply', messageId: '={{ $json.id }}', content: 'In the thread' },
			{ items: [posted.items[0].json] },
		);
		expect(replied.error).toBeUndefined();
		ctx.sim.reset();
		const read = await run({
			operation: 'getAll',
			channelId: { __rl: true, mode: 'id', value: dmId },
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
		const result = await run({ operation: 'getAll', channelId: general, returnAll: true });
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
		const result = await run({ operation: 'getAll', channelId: general, limit: 150 });
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
		const result = await run({ operation: 'getAll', channelId: general });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	test('a cursor that repeats stops with an error', async () => {
		seedMessages(120);
		ctx.sim.state.repeatCursor = true;
		const result = await run({ operation: 'getAll', channelId: general, returnAll: true });
		expect(result.error?.message).toMatch(/Paging through ClickUp stopped: the page cursor/);
		expect(ctx.sim.calls('GET')).toHaveLength(2);
	});

	test('a transient 503 on Get Many is retried (one answer, two requests)', async () => {
		seedMessages(2);
		ctx.sim.fault({ method: 'GET', path: MESSAGES_PATH }, { status: 503 });
		const result = await run({ operation: 'getAll', channelId: general });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(ctx.sim.calls('GET', MESSAGES_PATH)).toHaveLength(2);
	});

	test("an unknown channel gives ClickUp's 404", async () => {
		const result = await run({
			operation: 'getAll',
			channelId: { __rl: true, mode: 'id', value: 'nope' },
		});
		expect(result.error?.message).toBe('Channel nope not found');
		expect(result.error?.httpCode).toBe('404');
	});

	test.each([
		['a Limit of 0', { limit: 0 }, /Limit: must be at least 1, got 0/],
		[
			'a channel ID with a space',
			{ channelId: { __rl: true, mode: 'id', value: '={{ "a b" }}' } },
			/Channel: "a b" is not a channel ID/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run({ operation: 'getAll', channelId: general, ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

describe('ClickUp Chat: Message > Reply', () => {
	test("posts the reply in the message's thread with the fields under their API names", async () => {
		const [parent] = seedMessages(1);
		const result = await run({
			operation: 'reply',
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
		const ajv = new Ajv({ strict: false });
		ajv.addFormat('RichText', true);
		expect(ajv.compile(schemas.createReplyMessage.response)(reply)).toBe(true);
	});

	test('a post reply sends post_data', async () => {
		const [parent] = seedMessages(1);
		const result = await run({
			operation: 'reply',
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
			/Message ID: "80\/1" is not a message ID/,
		],
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
		const result = await run({
			operation: 'reply',
			messageId: '80abc',
			content: 'hi',
			...parameters,
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown message gives ClickUp's 404", async () => {
		const result = await run({ operation: 'reply', messageId: '80nope', content: 'hi' });
		expect(result.error?.message).toBe('Message 80nope not found');
		expect(result.error?.httpCode).toBe('404');
	});
});

describe('ClickUp Chat: transient failures and error shapes', () => {
	test('a transient 503 on Create is not retried (the message may exist): one request, a retryable error', async () => {
		ctx.sim.fault({ method: 'POST', path: MESSAGES_PATH }, { status: 503, message: 'Unavailable' });
		const result = await run({ operation: 'send', channelId: general, content: 'once' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('503');
		expect(result.error?.message).toBe('Unavailable');
		expect(result.error?.context).toMatchObject({ retryable: true });
		expect(ctx.sim.calls('POST')).toHaveLength(1);
		expect(ctx.sim.state.messages).toHaveLength(0);
	});

	test('Continue On Fail: the v3 shape gives requestId, the v2 shape gives code, input refused gives field', async () => {
		ctx.sim.fault(
			{ method: 'GET', path: /\/chat\/channels\/8cdu0engineering\/messages$/ },
			{ status: 401, body: { err: 'Team not authorized', ECODE: 'OAUTH_027' } },
		);
		seedMessages(1);
		const result = await run(
			{
				operation: 'getAll',
				channelId: { __rl: true, mode: 'id', value: '={{ $json.channel }}' },
			},
			{
				continueOnFail: true,
				items: [
					{ channel: GENERAL },
					{ channel: 'missing1' },
					{ channel: '8cdu0engineering' },
					{ channel: 'bad id' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.content).toBe('message 0');
		// v3: { status, message, trace_id, timestamp }
		expect(result.items[1].json).toEqual({
			error: 'Channel missing1 not found',
			errorDescription: expect.stringMatching(/^ClickUp trace ID: \d+\n/),
			httpCode: '404',
			retryable: false,
			requestId: expect.stringMatching(/^\d+$/),
		});
		// v2: { err, ECODE }
		expect(result.items[2].json).toEqual({
			error: 'Team not authorized',
			errorDescription: expect.stringMatching(/^ClickUp code: OAUTH_027\n/),
			httpCode: '401',
			code: 'OAUTH_027',
			retryable: false,
		});
		expect(result.items[3].json).toMatchObject({
			error: 'Channel: "bad id" is not a channel ID (letters, digits, - and _ only)',
			code: 'invalid_parameter',
			field: 'Channel',
			retryable: false,
		});
		// the refused item was never sent
		expect(ctx.sim.calls('GET').map((r) => r.path.split('/')[7])).toEqual([
			GENERAL,
			'missing1',
			'8cdu0engineering',
		]);
	});

	test('a 429 on Get Many carries the rate-limit fields once retries are used up', async () => {
		ctx.sim.fault(
			{ method: 'GET', path: MESSAGES_PATH, times: 10 },
			{ status: 429, headers: { 'X-RateLimit-Reset': '0' }, message: 'Rate limit reached' },
		);
		const result = await run({ operation: 'getAll', channelId: general }, { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({
			error: 'Rate limit reached',
			httpCode: '429',
			retryable: true,
		});
		expect(result.items[0].json.requestId).toMatch(/^\d+$/);
		expect(ctx.sim.calls('GET')).toHaveLength(4);
	});
});
