import { nodeRunner, specs } from '../../engine/nodes';
import { allText, useSimulator } from '../../helpers';
import { responseValidator, zaia } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = require('../../../dev/simulator/schemas/zaia-agent.json');

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, { resource: 'generativeChat', operation: 'create' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const PATH = '/v1.1/api/external-generative-chat/create';
const creates = () => ctx.sim.calls('POST', PATH);

describe('Zaia: Generative Chat → Create', () => {
	test('POST /v1.1/api/external-generative-chat/create with the agent key as Bearer: { agentId, externalId }, the new chat as output', async () => {
		const result = await run({
			agentId: String(zaia.ZAIA_AGENT_ID),
			additionalFields: { externalId: ' order-4411 ' },
		});
		expect(result.error).toBeUndefined();
		expect(creates()).toHaveLength(1);
		expect(creates()[0].headers.authorization).toBe(`Bearer ${zaia.AGENT_API_KEY}`);
		expect(creates()[0].headers['content-type']).toMatch(/^application\/json/);
		expect(creates()[0].body).toEqual({ agentId: zaia.ZAIA_AGENT_ID, externalId: 'order-4411' });
		expect(creates()[0].rejected).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			id: expect.any(Number),
			channel: 'api',
			agentId: zaia.ZAIA_AGENT_ID,
			createdAt: expect.any(String),
			status: 'active',
			externalId: 'order-4411',
		});
		expect(responseValidator(schemas.retrieveChat.response)(result.items[0].json)).toBe(true);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		// the Public API's key is not sent to the agent API
		expect(allText(ctx.sim.requests)).not.toContain(zaia.API_KEY);
	});

	test('without an External ID only the agent is sent; Extra Body Fields are merged last', async () => {
		const plain = await run({ agentId: zaia.ZAIA_AGENT_ID });
		expect(plain.error).toBeUndefined();
		expect(creates()[0].body).toEqual({ agentId: zaia.ZAIA_AGENT_ID });
		ctx.sim.reset();
		const extra = await run({
			agentId: '456',
			additionalFields: { externalId: 'a' },
			additionalBodyFields: '{"externalId": "from-json", "channel": "api"}',
		});
		expect(extra.error).toBeUndefined();
		expect(creates()[0].body).toEqual({ agentId: 456, externalId: 'from-json', channel: 'api' });
	});

	test('one request per item; a create is never retried after a 5xx', async () => {
		const many = await run(
			{ agentId: zaia.ZAIA_AGENT_ID, additionalFields: { externalId: '={{ $json.ref }}' } },
			{ items: [{ ref: 'a-1' }, { ref: 'b-2' }] },
		);
		expect(many.items.map((i) => i.json.externalId)).toEqual(['a-1', 'b-2']);
		expect(many.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		ctx.sim.reset();
		ctx.sim.fault({ method: 'POST', path: PATH }, { status: 503 });
		const failed = await run({ agentId: zaia.ZAIA_AGENT_ID });
		expect(failed.error?.httpCode).toBe('503');
		expect(creates()).toHaveLength(1);
	});

	test.each([
		[
			'an Agent ID that comes out empty',
			{ agentId: '={{ "" }}' },
			/^Agent ID: must be a whole number, got ""/,
		],
		[
			'an Agent ID that is not a number',
			{ agentId: 'agent-7' },
			/^Agent ID: must be a whole number/,
		],
		['Agent ID 0', { agentId: 0 }, /^Agent ID: must be at least 1, got 0/],
		[
			'Extra Body Fields that are not JSON',
			{ agentId: 1, additionalBodyFields: '{agentId: 2' },
			/^Extra Body Fields \(JSON\): is not valid JSON/,
		],
	])('%s: rejected before any request, for every item', async (_label, parameters, message) => {
		const result = await run(parameters, { items: [{}, {}] });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('an agent Zaia does not know: its 404 message; Continue On Fail gives an item with the structured fields', async () => {
		const result = await run(
			{ agentId: '={{ $json.agent }}' },
			{
				items: [{ agent: 999 }, { agent: 'x' }, { agent: zaia.ZAIA_AGENT_ID }],
				continueOnFail: true,
			},
		);
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json).toMatchObject({
			error: 'We could not find this agent.',
			httpCode: '404',
			code: 'NOT_FOUND',
			retryable: false,
		});
		expect(result.items[1].json).toMatchObject({
			error: 'Agent ID: must be a whole number, got "x"',
			code: 'invalid_parameter',
			field: 'Agent ID',
		});
		expect(result.items[2].json).toMatchObject({ agentId: zaia.ZAIA_AGENT_ID, status: 'active' });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test("a wrong key: Zaia's 401, and the key appears nowhere in the error", async () => {
		const result = await run(
			{ agentId: zaia.ZAIA_AGENT_ID },
			{
				credentials: {
					zaiaAgentApi: { apiKey: 'zaia_agent_wrong_key_123', baseUrl: ctx.sim.baseUrl },
				},
			},
		);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe(
			'Your API key is invalid or has been revoked. Create a new one in the workspace settings.',
		);
		expect(creates()[0].headers.authorization).toBe('Bearer zaia_agent_wrong_key_123');
		expect(allText(result.error)).not.toContain('zaia_agent_wrong_key_123');
	});
});
