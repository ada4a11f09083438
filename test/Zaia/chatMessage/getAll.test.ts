import { nodeRunner, specs } from '../../engine/nodes';
import { allText, jsonOf, useSimulator } from '../../helpers';
import { PATH, responseValidator, schemas, zaia } from '../kit';

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, { resource: 'chatMessage' });

describe('Zaia: Chat Message → Get Many', () => {
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
			filters: {
				chatThreadId: zaia.THREAD_ID,
				ticketIds: `${zaia.TICKET_ID}, 11111111-2222-4333-8444-555555555555`,
			},
			additionalFields: { joins: ['chat-message-follow-ups', 'senders'] },
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
			{ chatId: zaia.CHAT_ID, filters: { chatThreadId: '1234' } },
			/Chat Thread ID: must be a UUID/,
		],
		[
			'a bad ticket UUID',
			{ chatId: zaia.CHAT_ID, filters: { ticketIds: `${zaia.TICKET_ID},nope` } },
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
		const result = await run(
			{ operation: 'getAll', chatId: zaia.CHAT_ID },
			{ credential: { apiKey: badKey } },
		);
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

describe('Zaia: Chat Message → Get Many, Return All / Limit', () => {
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
					'Zaia returned 1000 messages, the most it gives in one request (it has no cursor for more). Narrow the list with Filters (Chat Thread ID or Ticket IDs) to see the rest.',
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
