import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { responseValidator, zaia } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = require('../../../dev/simulator/schemas/zaia-agent.json');

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, { resource: 'generativeMessage', operation: 'send' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const PATH = '/v1.1/api/external-generative-message/create';
const sends = () => ctx.sim.calls('POST', PATH);
const byId = {
	agentId: String(zaia.ZAIA_AGENT_ID),
	findChatBy: 'id',
	externalGenerativeChatId: String(zaia.GENERATIVE_CHAT_ID),
};

describe('Zaia: Generative Message → Send', () => {
	test("POST /v1.1/api/external-generative-message/create, Bearer, never streaming: the agent's answer as output", async () => {
		const result = await run({ ...byId, prompt: 'Where is order #4411?' });
		expect(result.error).toBeUndefined();
		expect(sends()).toHaveLength(1);
		expect(sends()[0].headers.authorization).toBe(`Bearer ${zaia.AGENT_API_KEY}`);
		expect(sends()[0].headers['content-type']).toMatch(/^application\/json/);
		expect(sends()[0].body).toEqual({
			agentId: zaia.ZAIA_AGENT_ID,
			externalGenerativeChatId: zaia.GENERATIVE_CHAT_ID,
			prompt: 'Where is order #4411?',
			streaming: false,
		});
		expect(sends()[0].rejected).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			createdAt: expect.any(String),
			externalGenerativeChatId: zaia.GENERATIVE_CHAT_ID,
			id: expect.any(Number),
			text: 'Order #4411 left our warehouse yesterday; it should arrive tomorrow.',
			chatStage: expect.objectContaining({ name: 'Order status' }),
			extractedData: {},
			files: [],
		});
		expect(responseValidator(schemas.createMessage.response)(result.items[0].json)).toBe(true);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Find Chat By → External ID sends externalGenerativeChatExternalId (trimmed) instead of the chat ID', async () => {
		const result = await run({
			agentId: zaia.ZAIA_AGENT_ID,
			findChatBy: 'externalId',
			externalGenerativeChatId: '123',
			externalGenerativeChatExternalId: ` ${zaia.CHAT_EXTERNAL_ID} `,
			prompt: 'Hello',
		});
		expect(result.error).toBeUndefined();
		expect(sends()[0].body).toEqual({
			agentId: zaia.ZAIA_AGENT_ID,
			externalGenerativeChatExternalId: zaia.CHAT_EXTERNAL_ID,
			prompt: 'Hello',
			streaming: false,
		});
		expect(result.items[0].json).toMatchObject({
			externalGenerativeChatId: zaia.GENERATIVE_CHAT_ID,
			text: 'Hi! I am the Zaian Assistant! How can I help?',
		});
	});

	test('Additional Fields: As Markdown and Custom Values (JSON, or an object from an expression); Extra Body Fields last', async () => {
		const result = await run({
			...byId,
			prompt: 'Any news about order 77?',
			additionalFields: {
				asMarkdown: true,
				custom: '{"whatsapp": "11999999999", "vip": true, "orders": 3}',
			},
			additionalBodyFields: '{"asMarkdown": false, "language": "enUs"}',
		});
		expect(result.error).toBeUndefined();
		expect(sends()[0].body).toEqual({
			agentId: zaia.ZAIA_AGENT_ID,
			externalGenerativeChatId: zaia.GENERATIVE_CHAT_ID,
			prompt: 'Any news about order 77?',
			streaming: false,
			asMarkdown: false,
			custom: { whatsapp: '11999999999', vip: true, orders: 3 },
			language: 'enUs',
		});
		ctx.sim.reset();
		const markdown = await run({
			...byId,
			prompt: 'Any news about order 77?',
			additionalFields: { asMarkdown: true, custom: '={{ { "crm": "A-1" } }}' },
		});
		expect(sends()[0].body).toMatchObject({ asMarkdown: true, custom: { crm: 'A-1' } });
		expect(markdown.items[0].json.text).toBe(
			'**Order #77** left our warehouse yesterday; it should arrive tomorrow.',
		);
		ctx.sim.reset();
		await run({ ...byId, prompt: 'hi', additionalFields: { custom: '{}' } });
		expect(sends()[0].body).not.toHaveProperty('custom');
	});

	test('the answer carries what the agent extracted and the files it sends, as Zaia returns them', async () => {
		const first = await run({ ...byId, prompt: 'I am ana@example.com, please send the catalog' });
		expect(first.items[0].json).toMatchObject({
			extractedData: { userEmail: 'ana@example.com' },
			files: [{ name: 'catalog.txt', type: 'text/plain', data: expect.any(String) }],
		});
		const file = (first.items[0].json.files as Array<{ data: string }>)[0];
		expect(Buffer.from(file.data, 'base64').toString()).toBe('Zaia demo catalog\n');
		const second = await run({ ...byId, prompt: 'Can I talk to a person?' });
		expect(second.items[0].json).toMatchObject({
			chatStage: { name: 'Human handover' },
			extractedData: { userEmail: 'ana@example.com' },
			files: [],
		});
	});

	test('one message per item, in order; a send is never retried after a 5xx', async () => {
		const result = await run(
			{ ...byId, prompt: '={{ $json.question }}' },
			{ items: [{ question: 'order 1?' }, { question: 'order 2?' }] },
		);
		expect(sends().map((s) => s.body.prompt)).toEqual(['order 1?', 'order 2?']);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		ctx.sim.reset();
		ctx.sim.fault({ method: 'POST', path: PATH }, { status: 502 });
		const failed = await run({ ...byId, prompt: 'hi' });
		expect(failed.error?.httpCode).toBe('502');
		expect(sends()).toHaveLength(1);
	});

	test.each([
		[
			'an Agent ID that is not a number',
			{ agentId: 'support' },
			/^Agent ID: must be a whole number/,
		],
		[
			'a Generative Chat ID that is a UUID',
			{ externalGenerativeChatId: zaia.CHAT_ID },
			/^Generative Chat ID: must be a whole number/,
		],
		[
			'an External ID that comes out empty',
			{ findChatBy: 'externalId', externalGenerativeChatExternalId: '={{ " " }}' },
			/^External ID: must not be empty/,
		],
		['a Prompt that comes out empty', { prompt: '={{ "" }}' }, /^Prompt: must not be empty/],
		[
			'Custom Values that are not JSON',
			{ additionalFields: { custom: '{whatsapp: 1' } },
			/^Custom Values \(JSON\): is not valid JSON/,
		],
		[
			'Custom Values that are a list',
			{ additionalFields: { custom: '["a"]' } },
			/^Custom Values \(JSON\): must be a JSON object/,
		],
		[
			'a Custom Value that is an object',
			{ additionalFields: { custom: '{"address": {"city": "Recife"}}' } },
			/^Custom Values \(JSON\): "address" must be text, a number or true\/false, got object/,
		],
		[
			'a Custom Value that is null',
			{ additionalFields: { custom: '{"phone": null}' } },
			/^Custom Values \(JSON\): "phone" must be text, a number or true\/false, got null/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ ...byId, prompt: 'hi', ...parameters }, { items: [{}, {}] });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown chat, or another agent's: Zaia's 404; Continue On Fail items carry the structured fields", async () => {
		const result = await run(
			{ ...byId, externalGenerativeChatId: '={{ $json.chat }}', prompt: 'hi' },
			{
				items: [
					{ chat: 7 },
					{ chat: zaia.GENERATIVE_CHAT_ID + 1 },
					{ chat: 'x' },
					{ chat: zaia.GENERATIVE_CHAT_ID },
				],
				continueOnFail: true,
			},
		);
		expect(result.items).toHaveLength(4);
		for (const item of result.items.slice(0, 2))
			expect(item.json).toMatchObject({
				error: 'We could not find this chat.',
				httpCode: '404',
				code: 'NOT_FOUND',
				retryable: false,
			});
		expect(result.items[2].json).toMatchObject({
			code: 'invalid_parameter',
			field: 'Generative Chat ID',
		});
		expect(result.items[3].json).toMatchObject({
			externalGenerativeChatId: zaia.GENERATIVE_CHAT_ID,
		});
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
	});

	test("an error body that is not Zaia's: its text or the HTTP status as the message", async () => {
		ctx.sim.fault({ method: 'POST', path: PATH }, { status: 500, body: 'upstream model timeout' });
		const text = await run({ ...byId, prompt: 'hi' });
		expect(text.error?.httpCode).toBe('500');
		expect(text.error?.message).toBe('upstream model timeout');
		ctx.sim.fault({ method: 'POST', path: PATH }, { status: 400, body: { error: true } });
		const bare = await run({ ...byId, prompt: 'hi' });
		expect(bare.error?.message).toBe('HTTP 400');
	});

	test('a wrong key: 401, and the key is not in the error', async () => {
		const result = await run(
			{ ...byId, prompt: 'hi' },
			{ credential: { apiKey: 'zaia_agent_nope_4242' } },
		);
		expect(result.error?.httpCode).toBe('401');
		expect(JSON.stringify(result.error)).not.toContain('zaia_agent_nope_4242');
	});
});
