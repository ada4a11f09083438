import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { responseValidator, schemas, zaia } from '../kit';

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, { resource: 'chat', operation: 'getAll' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const PATH = '/api/v1/chats';
const lists = () => ctx.sim.calls('GET', PATH);
const query = (n = 0) => new URLSearchParams((lists()[n] as any).rawQuery);

describe('Zaia: Chat → Get Many', () => {
	test('GET /api/v1/chats with the API key as-is, pageNumber 1: one item per chat', async () => {
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(lists()).toHaveLength(1);
		expect(lists()[0].headers.authorization).toBe(zaia.API_KEY);
		expect((lists()[0] as any).rawQuery).toBe('?pageNumber=1&pageSize=50');
		expect(lists()[0].rejected).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual([zaia.CHAT_ID, zaia.OTHER_CHAT_ID]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(responseValidator(schemas.getChats.response)(result.items.map((i) => i.json))).toBe(
			true,
		);
	});

	test('Return All pages by pageNumber (100 a page) until a short page', async () => {
		zaia.seedChatRecords(ctx.sim.state, 248);
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(250);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(250);
		expect(lists().map((c) => [c.query.pageNumber, c.query.pageSize])).toEqual([
			[1, 100],
			[2, 100],
			[3, 100],
		]);
	});

	test('Limit: one page size for every page (the Limit, at most 100), the rest trimmed', async () => {
		const seeded = zaia.seedChatRecords(ctx.sim.state, 248);
		const expected = [zaia.CHAT_ID, zaia.OTHER_CHAT_ID, ...seeded.map((c: { id: string }) => c.id)];
		const result = await run({ limit: 150 });
		// page 2 of 50 would be rows 51-100 again: the page size stays 100 and the end is trimmed
		expect(lists().map((c) => [c.query.pageNumber, c.query.pageSize])).toEqual([
			[1, 100],
			[2, 100],
		]);
		expect(result.items.map((i) => i.json.id)).toEqual(expected.slice(0, 150));
		ctx.sim.reset();
		const small = await run({ limit: 30 });
		expect(lists().map((c) => [c.query.pageNumber, c.query.pageSize])).toEqual([[1, 30]]);
		expect(small.items.map((i) => i.json.id)).toEqual(expected.slice(0, 30));
	});

	test('Filters: arrays repeat their name (OpenAPI form, explode), dates in ISO', async () => {
		const result = await run({
			filters: {
				channelIds: zaia.CHANNEL_ID,
				channelTypes: ['widget', 'whatsapp'],
				lastChatMessageCreatedAtStart: '2025-03-01T10:00:00Z',
				lastChatMessageCreatedAtEnd: '2025-03-01T10:05:00Z',
				ownerIds: [zaia.AGENT_ID],
			},
		});
		expect(result.error).toBeUndefined();
		expect(lists()[0].rejected).toBeUndefined();
		const raw = query();
		expect(raw.getAll('channelIds')).toEqual([zaia.CHANNEL_ID]);
		expect(raw.getAll('channelTypes')).toEqual(['widget', 'whatsapp']);
		expect(raw.get('lastChatMessageCreatedAtStart')).toBe('2025-03-01T10:00:00.000Z');
		expect(raw.get('lastChatMessageCreatedAtEnd')).toBe('2025-03-01T10:05:00.000Z');
		expect(raw.getAll('ownerIds')).toEqual([zaia.AGENT_ID]);
		// only the demo chat had its last message in that window
		expect(result.items.map((i) => i.json.id)).toEqual([zaia.CHAT_ID]);
	});

	test('an API that ignores pageNumber: paging stops with an error, never loops', async () => {
		zaia.seedChatRecords(ctx.sim.state, 248);
		ctx.sim.state.ignorePageNumber = true;
		const result = await run({ returnAll: true });
		expect(result.error?.message).toBe(
			'Paging through Zaia stopped: page 2 repeats the page before it (the API seems to ignore "pageNumber")',
		);
		expect(result.error?.context).toMatchObject({ code: 'paging_stopped', retryable: false });
		expect(lists()).toHaveLength(2);
	});

	test('an answer that is not a list is a clear error', async () => {
		ctx.sim.fault({ method: 'GET', path: PATH }, { status: 200, body: { chats: 'none' } });
		const result = await run({});
		expect(result.error?.message).toBe(
			'Paging through Zaia stopped: the answer holds no list (expected a JSON array)',
		);
	});

	test('a read is retried after a 503', async () => {
		ctx.sim.fault({ method: 'GET', path: PATH }, { status: 503 });
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(lists()).toHaveLength(2);
	});

	test.each([
		['Limit 0', { limit: 0 }, /^Limit: must be at least 1, got 0/],
		[
			'a Channel ID that is not a UUID',
			{ filters: { channelIds: 'web' } },
			/^Channel IDs: "web" is not a UUID/,
		],
		[
			'a channel type Zaia does not have',
			{ filters: { channelTypes: '={{ ["telegram"] }}' } },
			/^Channel Types: "telegram" is not one of api, instagram, waha, whatsapp, widget/,
		],
		[
			'a Last Message After that is not a date',
			{ filters: { lastChatMessageCreatedAtStart: 'soon' } },
			/^Last Message After: must be a date and time/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("a wrong key: Zaia's 401 with its English feedback; under Continue On Fail an item", async () => {
		const result = await run({}, { credential: { apiKey: 'zaia_wrong' }, continueOnFail: true });
		expect(result.items[0].json).toMatchObject({
			error:
				'Your API key is invalid or has been revoked. Create a new one in the workspace settings.',
			httpCode: '401',
			code: 'UNAUTHORIZED',
			retryable: false,
		});
	});
});
