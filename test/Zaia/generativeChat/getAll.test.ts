import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { responseValidator, zaia } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = require('../../../dev/simulator/schemas/zaia-agent.json');

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, { resource: 'generativeChat', operation: 'getAll' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const PATH = '/v1.1/api/external-generative-chat/retrieve-multiple';
const lists = () => ctx.sim.calls('GET', PATH);
/** [limit, offset] of every list request, as sent. */
const pages = () =>
	lists().map((c) => {
		const q = new URLSearchParams(c.rawQuery);
		return [Number(q.get('limit')), Number(q.get('offset'))];
	});

describe('Zaia: Generative Chat → Get Many', () => {
	test('GET …/retrieve-multiple?limit=50&offset=0, Bearer: one item per chat of externalGenerativeChats', async () => {
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(lists()).toHaveLength(1);
		expect(lists()[0].rawQuery).toBe('?limit=50&offset=0');
		expect(lists()[0].headers.authorization).toBe(`Bearer ${zaia.AGENT_API_KEY}`);
		expect(lists()[0].rejected).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				id: zaia.GENERATIVE_CHAT_ID,
				channel: 'widget',
				agentId: zaia.ZAIA_AGENT_ID,
				createdAt: '2024-08-06T22:04:08.672Z',
				status: 'active',
				phoneNumber: null,
			},
			expect.objectContaining({ agentId: zaia.OTHER_ZAIA_AGENT_ID, channel: 'whatsapp' }),
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const item = responseValidator(
			schemas.retrieveChats.response.properties.externalGenerativeChats,
		);
		expect(item(result.items.map((i) => i.json))).toBe(true);
		expect(result.hints).toEqual([]);
	});

	test('Return All pages by offset (100 a page) while Zaia answers hasNextPage', async () => {
		zaia.seedGenerativeChats(ctx.sim.state, 248);
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(250);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(250);
		expect(pages()).toEqual([
			[100, 0],
			[100, 100],
			[100, 200],
		]);
		expect(result.hints).toEqual([]);
	});

	test('Limit: the last page asks only for what is missing', async () => {
		const seeded = zaia.seedGenerativeChats(ctx.sim.state, 248);
		const result = await run({ limit: 150 });
		expect(pages()).toEqual([
			[100, 0],
			[50, 100],
		]);
		expect(result.items.map((i) => i.json.id)).toEqual(
			[
				zaia.GENERATIVE_CHAT_ID,
				zaia.GENERATIVE_CHAT_ID + 1,
				...seeded.map((c: { id: number }) => c.id),
			].slice(0, 150),
		);
		ctx.sim.reset();
		const small = await run({ limit: 1 });
		expect(pages()).toEqual([[1, 0]]);
		expect(small.items.map((i) => i.json.id)).toEqual([zaia.GENERATIVE_CHAT_ID]);
	});

	test('a page shorter than asked: the next offset counts the chats that came', async () => {
		zaia.seedGenerativeChats(ctx.sim.state, 8);
		ctx.sim.fault(
			{ method: 'GET', path: PATH },
			{
				status: 200,
				body: {
					externalGenerativeChats: [{ id: 1 }, { id: 2 }, { id: 3 }],
					hasNextPage: true,
					totalCount: 10,
				},
			},
		);
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(pages()).toEqual([
			[100, 0],
			[100, 3],
		]);
		expect(result.items).toHaveLength(10);
	});

	test('Filters → Agent IDs: comma-separated in one parameter, as the reference shows (agentIds=456,3218)', async () => {
		zaia.seedGenerativeChats(ctx.sim.state, 2, 3218);
		const result = await run({ filters: { agentIds: ` ${zaia.OTHER_ZAIA_AGENT_ID}, 3218 ` } });
		expect(result.error).toBeUndefined();
		expect(lists()[0].rawQuery).toBe(
			`?agentIds=${zaia.OTHER_ZAIA_AGENT_ID}%2C3218&limit=50&offset=0`,
		);
		expect(lists()[0].rejected).toBeUndefined();
		expect(result.items.map((i) => i.json.agentId)).toEqual([zaia.OTHER_ZAIA_AGENT_ID, 3218, 3218]);
		ctx.sim.reset();
		const fromArray = await run({ filters: { agentIds: `={{ [${zaia.ZAIA_AGENT_ID}] }}` } });
		expect(new URLSearchParams(lists()[0].rawQuery).get('agentIds')).toBe(
			String(zaia.ZAIA_AGENT_ID),
		);
		expect(fromArray.items.map((i) => i.json.id)).toEqual([zaia.GENERATIVE_CHAT_ID]);
	});

	test('an API that reads offset as a page number: Return All warns that Zaia counts more chats than it read', async () => {
		zaia.seedGenerativeChats(ctx.sim.state, 248);
		ctx.sim.state.agentOffsetIsPage = true;
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(100);
		expect(result.hints).toEqual([
			expect.objectContaining({
				type: 'warning',
				message:
					'Zaia counts 250 chats but paging by offset returned 100 of them. Narrow the list with Filters → Agent IDs.',
			}),
		]);
	});

	test('an answer without externalGenerativeChats is a clear error; hasNextPage forever ends on an empty page', async () => {
		ctx.sim.fault({ method: 'GET', path: PATH }, { status: 200, body: { chats: [] } });
		const bad = await run({});
		expect(bad.error?.message).toBe(
			'Paging through Zaia stopped: the answer holds no externalGenerativeChats list',
		);
		expect(bad.error?.context).toMatchObject({ code: 'paging_stopped', retryable: false });
		ctx.sim.reset();
		ctx.sim.fault(
			{ method: 'GET', path: PATH, times: 5 },
			{ status: 200, body: { externalGenerativeChats: [], hasNextPage: true, totalCount: 0 } },
		);
		const empty = await run({ returnAll: true });
		expect(empty.error).toBeUndefined();
		expect(empty.items).toEqual([]);
		expect(lists()).toHaveLength(1);
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
			'an Agent ID that is not a number',
			{ filters: { agentIds: '20733, sales' } },
			/^Agent IDs: must be a whole number, got "sales"/,
		],
		['an Agent ID 0', { filters: { agentIds: '0' } }, /^Agent IDs: must be at least 1, got 0/],
		[
			'the same Agent ID twice',
			{ filters: { agentIds: '456, 456' } },
			/^Agent IDs: contains "456" more than once; every entry must be unique/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("a wrong key: Zaia's 401; under Continue On Fail an item", async () => {
		const result = await run(
			{},
			{ credential: { apiKey: 'zaia_agent_wrong' }, continueOnFail: true },
		);
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({ httpCode: '401', code: 'UNAUTHORIZED', retryable: false }),
				pairedItem: { item: 0 },
			},
		]);
	});
});
