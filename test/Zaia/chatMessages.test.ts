import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import { ZaiaApi } from '../../credentials/ZaiaApi.credentials';
import { Zaia } from '../../nodes/Zaia/Zaia.node';
import { runNode } from '../engine/harness';
import type { RunOptions } from '../engine/harness';
import { allText, jsonOf, providers, useSimulator } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = require('../../dev/simulator/schemas/zaia.json');

const zaia = providers.zaia;

/** Ajv for the documented response schemas (`nullable` without `type` means "any value", so it is dropped). */
function responseValidator(schema: unknown) {
	const clean = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(clean);
		if (value && typeof value === 'object') {
			const out: Record<string, unknown> = {};
			for (const [key, entry] of Object.entries(value)) {
				if (key === 'nullable' && !('type' in value)) continue;
				out[key] = clean(entry);
			}
			return out;
		}
		return value;
	};
	const ajv = new Ajv({ strict: false, allErrors: true });
	addFormats(ajv);
	return ajv.compile(clean(schema) as object);
}
const ctx = useSimulator('zaia');
const PATH = '/api/v1/chat-messages';

function run(parameters: Record<string, unknown>, extra: Partial<RunOptions> = {}) {
	return runNode({
		node: new Zaia(),
		credentialTypes: [new ZaiaApi()],
		credentials: { zaiaApi: { apiKey: zaia.API_KEY, baseUrl: ctx.sim.baseUrl } },
		parameters: { resource: 'chatMessage', ...parameters },
		...extra,
	});
}

describe('Zaia: Get Many chat messages', () => {
	test('sends chatId and limit with the API key as-is; one item per message', async () => {
		const result = await run({ operation: 'getAll', chatId: zaia.CHAT_ID });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		const [call] = ctx.sim.calls('GET', PATH);
		expect(call.headers.authorization).toBe(zaia.API_KEY);
		expect((call as any).rawQuery).toBe(`?chatId=${zaia.CHAT_ID}&limit=50`);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(result.items[0].json.content).toBe('Hi, my order has not arrived');
	});

	test('every query parameter is serialised as OpenAPI form/explode: repeated names, pagination spread to limit', async () => {
		const result = await run({
			operation: 'getAll',
			chatId: zaia.CHAT_ID,
			limit: 2,
			additionalFields: {
				chatThreadId: zaia.THREAD_ID,
				joins: ['chat-message-follow-ups', 'senders'],
				ticketIds: `${zaia.TICKET_ID}, 11111111-2222-4333-8444-555555555555`,
			},
		});
		expect(result.error).toBeUndefined();
		const [call] = ctx.sim.calls('GET', PATH);
		expect(call.rejected).toBeUndefined();
		const raw = new URLSearchParams((call as any).rawQuery);
		expect(raw.getAll('chatId')).toEqual([zaia.CHAT_ID]);
		expect(raw.getAll('chatThreadId')).toEqual([zaia.THREAD_ID]);
		expect(raw.getAll('joins')).toEqual(['chat-message-follow-ups', 'senders']);
		expect(raw.getAll('ticketIds')).toEqual([
			zaia.TICKET_ID,
			'11111111-2222-4333-8444-555555555555',
		]);
		expect(raw.getAll('limit')).toEqual(['2']);
		expect([...raw.keys()].sort()).toEqual([
			'chatId',
			'chatThreadId',
			'joins',
			'joins',
			'limit',
			'ticketIds',
			'ticketIds',
		]);
		// only the third message is in the thread and the ticket
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.content).toBe('It is #4411');
	});

	test('a single join is sent once; joined records are in every item and match the documented response', async () => {
		const result = await run({
			operation: 'getAll',
			chatId: zaia.CHAT_ID,
			additionalFields: { joins: ['senders', 'chat-message-follow-ups'] },
		});
		expect(result.items).toHaveLength(3);
		for (const item of result.items) {
			expect(item.json).toHaveProperty('senderSuperIdentity');
			expect(item.json).toHaveProperty('chatMessageFollowUp');
		}
		expect((result.items[1].json.senderSuperIdentity as any).entity).toBe('agents');
		expect((result.items[1].json.chatMessageFollowUp as any).status).toBe('pending');
		const validate = responseValidator(schemas.getChatMessages.response);
		expect(validate(jsonOf(result.items))).toBe(true);

		ctx.sim.reset();
		await run({
			operation: 'getAll',
			chatId: zaia.CHAT_ID,
			additionalFields: { joins: ['senders'] },
		});
		expect((ctx.sim.calls('GET', PATH)[0] as any).rawQuery).toBe(
			`?chatId=${zaia.CHAT_ID}&limit=50&joins=senders`,
		);
	});

	test('an empty chat gives no items', async () => {
		const result = await run({ operation: 'getAll', chatId: zaia.OTHER_CHAT_ID });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
	});

	test.each([
		['a bad chat UUID', { chatId: 'chat-1' }, /Chat ID: must be a UUID/],
		[
			'a bad thread UUID',
			{ chatId: zaia.CHAT_ID, additionalFields: { chatThreadId: '1234' } },
			/Chat Thread ID: must be a UUID/,
		],
		[
			'a bad ticket UUID',
			{ chatId: zaia.CHAT_ID, additionalFields: { ticketIds: `${zaia.TICKET_ID},nope` } },
			/Ticket IDs: "nope" is not a UUID/,
		],
		[
			'a limit over 1000',
			{ chatId: zaia.CHAT_ID, limit: '={{ 1001 }}' },
			/Limit: must be at most 1000/,
		],
	])('%s is rejected before sending', async (_label, parameters, message) => {
		const result = await run({ operation: 'getAll', ...parameters });
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("404 shows the English feedback, Zaia's message and the support link", async () => {
		const result = await run({
			operation: 'getAll',
			chatId: '12345678-1234-4234-8234-123456789abc',
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('We could not find this chat.');
		expect(result.error?.description).toMatch(
			/Zaia says: Chat 12345678-1234-4234-8234-123456789abc not found\./,
		);
		expect(result.error?.description).toMatch(/Zaia support: https:\/\/zaia\.app\/support/);
		expect(result.error?.description).toMatch(/Zaia code: NOT_FOUND/);
	});

	test('401 is clear and the key appears nowhere', async () => {
		const badKey = 'zaia_wrong_key_0000000000000000000000';
		const result = await runNode({
			node: new Zaia(),
			credentialTypes: [new ZaiaApi()],
			credentials: { zaiaApi: { apiKey: badKey, baseUrl: ctx.sim.baseUrl } },
			parameters: { resource: 'chatMessage', operation: 'getAll', chatId: zaia.CHAT_ID },
		});
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toMatch(/API key is invalid/);
		expect(result.error?.description).toMatch(/credential/);
		expect(allText(result.run)).not.toContain(badKey);
	});

	test('continue on fail: a failing item becomes an error item, the next still runs', async () => {
		const result = await run(
			{ operation: 'getAll', chatId: '={{ $json.chat }}', limit: 1 },
			{
				items: [{ chat: '12345678-1234-4234-8234-123456789abc' }, { chat: zaia.CHAT_ID }],
				continueOnFail: true,
			},
		);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.error).toBe('We could not find this chat.');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[1].json.chatId).toBe(zaia.CHAT_ID);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('Zaia: Create chat message', () => {
	const required = {
		operation: 'send',
		chatId: zaia.CHAT_ID,
		senderId: zaia.USER_ID,
		role: 'user',
		content: 'Is my refund done?',
	};

	test('without optional fields: every required key is sent, nulls where the schema needs them', async () => {
		const result = await run(required);
		expect(result.error).toBeUndefined();
		const [call] = ctx.sim.calls('POST', PATH);
		expect(call.rejected).toBeUndefined();
		expect(call.body).toEqual({
			chatId: zaia.CHAT_ID,
			chatThreadId: null,
			content: 'Is my refund done?',
			externalId: null,
			senderId: zaia.USER_ID,
			role: 'user',
			detail: { attachments: [] },
		});
		expect(result.items[0].json).toMatchObject({
			chatId: zaia.CHAT_ID,
			content: 'Is my refund done?',
			role: 'user',
		});
		const validate = responseValidator(schemas.createChatMessage.response);
		expect(validate(result.items[0].json)).toBe(true);
	});

	test('with every optional field and all attachment kinds', async () => {
		const result = await run({
			...required,
			role: 'support',
			additionalFields: {
				chatThreadId: zaia.THREAD_ID,
				externalId: 'crm-4411',
				attachments: {
					attachment: [
						{ extension: 'png', file: 'files/receipt.png', name: 'receipt', mode: 'attachment' },
						{ extension: 'pdf', file: 'files/invoice.pdf', name: 'Invoice March' },
						{ extension: 'md', file: 'files/notes.md', name: 'notes' },
						{ extension: 'txt', file: 'files/log.txt', name: 'log' },
						{ extension: 'wav', file: 'files/voice.wav', name: 'ignored', mode: 'message' },
					],
				},
			},
		});
		expect(result.error).toBeUndefined();
		const [call] = ctx.sim.calls('POST', PATH);
		expect(call.rejected).toBeUndefined();
		expect(call.body).toEqual({
			chatId: zaia.CHAT_ID,
			chatThreadId: zaia.THREAD_ID,
			content: 'Is my refund done?',
			externalId: 'crm-4411',
			senderId: zaia.USER_ID,
			role: 'support',
			detail: {
				attachments: [
					{ file: 'files/receipt.png', extension: 'png', name: 'receipt' },
					{ file: 'files/invoice.pdf', extension: 'pdf', name: 'Invoice March' },
					{ file: 'files/notes.md', extension: 'md', name: 'notes' },
					{ file: 'files/log.txt', extension: 'txt', name: 'log' },
					{ file: 'files/voice.wav', extension: 'wav', mode: 'message' },
				],
			},
		});
		expect((result.items[0].json.detail as any).attachments).toHaveLength(5);
	});

	test('4000 characters are accepted', async () => {
		const result = await run({ ...required, content: 'x'.repeat(4000) });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', PATH)[0].body.content).toHaveLength(4000);
	});

	test.each([
		[
			'content of 4001 characters',
			{ content: 'x'.repeat(4001) },
			/Content: must be at most 4000 characters, got 4001/,
		],
		['a bad chat UUID', { chatId: 'not-a-uuid' }, /Chat ID: must be a UUID/],
		['a bad sender UUID', { senderId: '42' }, /Sender ID: must be a UUID/],
		[
			'a bad thread UUID',
			{ additionalFields: { chatThreadId: 'thread-1' } },
			/Chat Thread ID: must be a UUID/,
		],
		[
			'an external ID of 2 characters',
			{ additionalFields: { externalId: 'ab' } },
			/External ID: must be at least 3 characters, got 2/,
		],
		[
			'an attachment name of 2 characters',
			{
				additionalFields: {
					attachments: { attachment: [{ extension: 'pdf', file: 'f.pdf', name: 'ab' }] },
				},
			},
			/Attachment 1 → Name: must be at least 3 characters, got 2/,
		],
		[
			'an attachment name of 51 characters',
			{
				additionalFields: {
					attachments: { attachment: [{ extension: 'png', file: 'f.png', name: 'n'.repeat(51) }] },
				},
			},
			/Attachment 1 → Name: must be at most 50 characters/,
		],
		[
			'an attachment without a file',
			{
				additionalFields: {
					attachments: { attachment: [{ extension: 'txt', file: '', name: 'log' }] },
				},
			},
			/Attachment 1 → File: must not be empty/,
		],
		[
			'a WAV without a mode',
			{
				additionalFields: {
					attachments: { attachment: [{ extension: 'wav', file: 'v.wav', mode: '' }] },
				},
			},
			/Attachment 1 → Mode: must be "attachment" or "message"/,
		],
	])('%s is rejected before sending', async (_label, parameters, message) => {
		const result = await run({ ...required, ...parameters });
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('bad input on the second item stops the run before the first is sent', async () => {
		const result = await run(
			{ ...required, content: '={{ $json.text }}' },
			{ items: [{ text: 'ok' }, { text: 'y'.repeat(4001) }] },
		);
		expect(result.error?.message).toMatch(/Content: must be at most 4000/);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('403 is mapped with the English feedback', async () => {
		ctx.sim.state.forbiddenSenders = [zaia.AGENT_ID];
		try {
			const result = await run({ ...required, senderId: zaia.AGENT_ID });
			expect(result.error?.httpCode).toBe('403');
			expect(result.error?.message).toBe('You are not allowed to post messages in this chat.');
			expect(result.error?.description).toMatch(/not allowed to do this in Zaia/);
		} finally {
			ctx.sim.state.forbiddenSenders = undefined;
		}
	});

	test('a 429 with Retry-After is waited out and retried', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: PATH },
			{ status: 429, retryAfter: 1, message: 'Too many requests' },
		);
		const result = await run(required);
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('POST', PATH);
		expect(calls).toHaveLength(2);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(900);
	});
});

describe('Zaia: Get Many, Return All / Limit', () => {
	/** A chat with `count` messages (Zaia returns at most 1000 per request; it has no cursor). */
	function seedChat(count: number) {
		const chatId = '5e5e5e5e-1111-4222-8333-444444444444';
		ctx.sim.state.chats.set(
			chatId,
			Array.from({ length: count }, (_, n) => ({
				createdAt: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
				id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
				updatedAt: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
				chatId,
				chatThreadId: null,
				content: `message ${n}`,
				detail: { attachments: [], delivery: [], referral: null },
				externalId: null,
				rawContent: null,
				role: 'user',
				senderId: zaia.USER_ID,
			})),
		);
		return chatId;
	}

	test('Return All asks for the most Zaia gives (limit=1000) and outputs every message', async () => {
		const chatId = seedChat(120);
		const result = await run({ operation: 'getAll', chatId, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(120);
		const calls = ctx.sim.calls('GET', PATH);
		expect(calls).toHaveLength(1);
		expect((calls[0] as any).rawQuery).toBe(`?chatId=${chatId}&limit=1000`);
		expect(result.items.every((item) => (item.pairedItem as any).item === 0)).toBe(true);
		expect(result.hints).toEqual([]);
	});

	test('Limit caps the request and the output (default 50)', async () => {
		const chatId = seedChat(120);
		const limited = await run({ operation: 'getAll', chatId, returnAll: false, limit: 7 });
		expect(limited.items.map((item) => item.json.content)).toEqual(
			Array.from({ length: 7 }, (_, n) => `message ${n}`),
		);
		expect((ctx.sim.calls('GET', PATH)[0] as any).rawQuery).toBe(`?chatId=${chatId}&limit=7`);
		ctx.sim.reset();
		const byDefault = await run({ operation: 'getAll', chatId });
		expect(byDefault.items).toHaveLength(50);
	});

	test('Return All that hits the 1000 cap says so in a hint (Zaia has no cursor for more)', async () => {
		const chatId = seedChat(1005);
		const result = await run({ operation: 'getAll', chatId, returnAll: true });
		expect(result.items).toHaveLength(1000);
		expect(ctx.sim.calls('GET', PATH)).toHaveLength(1);
		expect(result.hints).toEqual([
			{
				message:
					'Zaia returned 1000 messages, the most it gives in one request (it has no cursor for more). Narrow the list with Chat Thread ID or Ticket IDs to see the rest.',
				type: 'warning',
				location: 'outputPane',
			},
		]);
	});

	test('a 503 is retried (a read is idempotent): one answer, two requests', async () => {
		ctx.sim.fault({ method: 'GET', path: PATH }, { status: 503, message: 'Service unavailable' });
		const result = await run({ operation: 'getAll', chatId: zaia.CHAT_ID, limit: 2 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(ctx.sim.calls('GET', PATH)).toHaveLength(2);
	});

	test('a 429 with Retry-After is waited out on a read too', async () => {
		ctx.sim.fault(
			{ method: 'GET', path: PATH },
			{ status: 429, retryAfter: 0, message: 'Slow down' },
		);
		const result = await run({ operation: 'getAll', chatId: zaia.CHAT_ID, limit: 1 });
		expect(result.items).toHaveLength(1);
		expect(ctx.sim.calls('GET', PATH)).toHaveLength(2);
	});
});

describe('Zaia: errors a workflow can branch on', () => {
	test("the NodeApiError carries Zaia's code and whether a retry can help", async () => {
		const result = await run({
			operation: 'getAll',
			chatId: '12345678-1234-4234-8234-123456789abc',
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.context).toMatchObject({ code: 'NOT_FOUND', retryable: false });
		expect(result.error?.context).not.toHaveProperty('requestId');
	});

	test("a body with only Zaia's error name uses the name as code", async () => {
		ctx.sim.fault(
			{ method: 'POST', path: PATH },
			{
				status: 400,
				body: {
					message: 'content too long',
					name: 'ValidationError',
					feedback: { enUs: 'The message is too long.' },
				},
			},
		);
		const result = await run({
			operation: 'send',
			chatId: zaia.CHAT_ID,
			senderId: zaia.USER_ID,
			role: 'user',
			content: 'hi',
		});
		expect(result.error?.message).toBe('The message is too long.');
		expect(result.error?.context).toMatchObject({ code: 'ValidationError', retryable: false });
	});

	test('continue on fail: API failures and refused input become items with the structured fields', async () => {
		const result = await run(
			{ operation: 'getAll', chatId: '={{ $json.chat }}', limit: 1 },
			{
				items: [
					{ chat: '12345678-1234-4234-8234-123456789abc' },
					{ chat: 'not-a-chat' },
					{ chat: zaia.CHAT_ID },
				],
				continueOnFail: true,
			},
		);
		expect(result.items).toHaveLength(3);
		expect(result.items[0]).toEqual({
			json: {
				error: 'We could not find this chat.',
				errorDescription: expect.stringContaining('Zaia code: NOT_FOUND'),
				httpCode: '404',
				code: 'NOT_FOUND',
				retryable: false,
			},
			pairedItem: { item: 0 },
		});
		expect(result.items[1]).toEqual({
			json: {
				error:
					'Chat ID: must be a UUID like 123e4567-e89b-12d3-a456-426614174000, got "not-a-chat"',
				code: 'invalid_parameter',
				retryable: false,
				field: 'Chat ID',
			},
			pairedItem: { item: 1 },
		});
		expect(result.items[2].json.chatId).toBe(zaia.CHAT_ID);
		// the refused item sent nothing: one request for item 0, one for item 2
		expect(ctx.sim.calls('GET', PATH)).toHaveLength(2);
	});

	test('a 429 that outlasts the retries is retryable', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: PATH, times: 10 },
			{ status: 429, retryAfter: 120, message: 'Too many requests' },
		);
		const result = await run({
			operation: 'send',
			chatId: zaia.CHAT_ID,
			senderId: zaia.USER_ID,
			role: 'user',
			content: 'hi',
		});
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.context).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryable: true });
	});
});
