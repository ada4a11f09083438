import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { responseValidator, schemas, zaia } from '../kit';

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, { resource: 'chatThread', operation: 'getAll' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const PATH = '/api/v1/chat-threads';
const lists = () => ctx.sim.calls('GET', PATH);

describe('Zaia: Chat Thread → Get Many', () => {
	test('GET /api/v1/chat-threads?chatId&pageNumber&pageSize: one item per thread', async () => {
		const result = await run({ chatId: zaia.CHAT_ID });
		expect(result.error).toBeUndefined();
		expect(lists()).toHaveLength(1);
		expect((lists()[0] as any).rawQuery).toBe(`?chatId=${zaia.CHAT_ID}&pageNumber=1&pageSize=50`);
		expect(lists()[0].rejected).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual([zaia.THREAD_ID]);
		expect(result.items[0].json).toMatchObject({ chatId: zaia.CHAT_ID });
		expect(
			responseValidator(schemas.getChatThreads.response)(result.items.map((i) => i.json)),
		).toBe(true);
	});

	test('Return All pages by pageNumber; Limit trims the last page', async () => {
		zaia.seedThreads(ctx.sim.state, zaia.CHAT_ID, 149);
		const all = await run({ chatId: zaia.CHAT_ID, returnAll: true });
		expect(all.items).toHaveLength(150);
		expect(new Set(all.items.map((i) => i.json.id)).size).toBe(150);
		expect(lists().map((c) => c.query.pageNumber)).toEqual([1, 2]);
		ctx.sim.reset();
		const some = await run({ chatId: zaia.CHAT_ID, limit: 120 });
		expect(lists().map((c) => [c.query.pageNumber, c.query.pageSize])).toEqual([
			[1, 100],
			[2, 100],
		]);
		expect(some.items.map((i) => i.json.id)).toEqual(all.items.slice(0, 120).map((i) => i.json.id));
	});

	test('a chat without threads: no items', async () => {
		const result = await run({ chatId: zaia.OTHER_CHAT_ID, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
	});

	test.each([
		['a Chat ID that is not a UUID', { chatId: 'chat-1' }, /^Chat ID: must be a UUID/],
		['Limit 0', { chatId: zaia.CHAT_ID, limit: 0 }, /^Limit: must be at least 1, got 0/],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown chat: Zaia's 404, as an item under Continue On Fail", async () => {
		const unknown = '11111111-2222-4333-8444-555555555555';
		const result = await run({ chatId: unknown });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('We could not find this chat.');
		const kept = await run({ chatId: unknown }, { continueOnFail: true });
		expect(kept.items[0].json).toMatchObject({
			error: 'We could not find this chat.',
			httpCode: '404',
			code: 'NOT_FOUND',
			retryable: false,
		});
	});
});
