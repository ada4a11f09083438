import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { responseValidator, zaia } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = require('../../../dev/simulator/schemas/zaia-agent.json');

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, { resource: 'generativeChat', operation: 'get' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const PATH = '/v1.1/api/external-generative-chat/retrieve';
const reads = () => ctx.sim.calls('GET', PATH);

describe('Zaia: Generative Chat → Get', () => {
	test('GET /v1.1/api/external-generative-chat/retrieve?id=…, Bearer: the chat as Zaia returns it', async () => {
		const result = await run({ externalGenerativeChatId: String(zaia.GENERATIVE_CHAT_ID) });
		expect(result.error).toBeUndefined();
		expect(reads()).toHaveLength(1);
		expect(reads()[0].rawQuery).toBe(`?id=${zaia.GENERATIVE_CHAT_ID}`);
		expect(reads()[0].headers.authorization).toBe(`Bearer ${zaia.AGENT_API_KEY}`);
		expect(reads()[0].rejected).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				id: zaia.GENERATIVE_CHAT_ID,
				channel: 'widget',
				agentId: zaia.ZAIA_AGENT_ID,
				createdAt: '2024-08-06T22:04:08.672Z',
				status: 'active',
				externalId: zaia.CHAT_EXTERNAL_ID,
			},
		]);
		expect(responseValidator(schemas.retrieveChat.response)(result.items[0].json)).toBe(true);
	});

	test('the ID from an expression (a number or digits, spaces trimmed); one request per item', async () => {
		const result = await run(
			{ externalGenerativeChatId: '={{ $json.chat }}' },
			{ items: [{ chat: zaia.GENERATIVE_CHAT_ID }, { chat: ` ${zaia.GENERATIVE_CHAT_ID + 1} ` }] },
		);
		expect(result.error).toBeUndefined();
		expect(reads().map((r) => r.rawQuery)).toEqual([
			`?id=${zaia.GENERATIVE_CHAT_ID}`,
			`?id=${zaia.GENERATIVE_CHAT_ID + 1}`,
		]);
		expect(result.items.map((i) => i.json.agentId)).toEqual([
			zaia.ZAIA_AGENT_ID,
			zaia.OTHER_ZAIA_AGENT_ID,
		]);
	});

	test('a read is retried after a 503', async () => {
		ctx.sim.fault({ method: 'GET', path: PATH }, { status: 503 });
		const result = await run({ externalGenerativeChatId: zaia.GENERATIVE_CHAT_ID });
		expect(result.error).toBeUndefined();
		expect(reads()).toHaveLength(2);
	});

	test.each([
		[
			'a UUID',
			'6f1e9a52-3b7c-4d2e-8f10-2a4b6c8d0e11',
			/^Generative Chat ID: must be a whole number/,
		],
		['a path', '../1', /^Generative Chat ID: must be a whole number/],
		['a negative number', '-4', /^Generative Chat ID: must be at least 1, got -4/],
		['empty', '={{ "" }}', /^Generative Chat ID: must be a whole number, got ""/],
	])('a Generative Chat ID that is %s: rejected before any request', async (_l, id, message) => {
		const result = await run({ externalGenerativeChatId: id });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown chat: Zaia's 404; under Continue On Fail an item with the structured fields", async () => {
		const result = await run({ externalGenerativeChatId: 42 }, { continueOnFail: true });
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({
					error: 'We could not find this chat.',
					errorDescription: expect.stringContaining('Zaia says: Chat not found.'),
					httpCode: '404',
					code: 'NOT_FOUND',
					retryable: false,
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test("a Public API key in the Zaia Agent API credential: Zaia's 401", async () => {
		const result = await run(
			{ externalGenerativeChatId: zaia.GENERATIVE_CHAT_ID },
			{ credential: { apiKey: zaia.API_KEY } },
		);
		expect(result.error?.httpCode).toBe('401');
		expect(reads()[0].headers.authorization).toBe(`Bearer ${zaia.API_KEY}`);
	});
});
