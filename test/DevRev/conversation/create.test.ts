import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';

const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'conversation', operation: 'create' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const creates = () => ctx.sim.calls('POST', '/conversations.create');

describe('DevRev: Create Conversation', () => {
	test('only the type: POST /conversations.create with { type: "support" }', async () => {
		const result = await run({ type: 'support' });
		expect(result.error).toBeUndefined();
		expect(creates()).toHaveLength(1);
		expect(creates()[0].body).toEqual({ type: 'support' });
		expect(creates()[0].rejected).toBeUndefined();
		const conversation = result.items[0].json.conversation as Record<string, unknown>;
		expect(conversation).toMatchObject({ display_id: 'CONV-1', stage: { name: 'new' } });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('every Additional Field under its API name and shape', async () => {
		const result = await run({
			type: 'support',
			additionalFields: {
				brand: 'don:core:dvrv-us-1:devo/0:brand/1',
				channels: 'CHAN-1',
				customFields: '{"tnt__region": "eu"}',
				customSchemaSpec: '{"tenant_fragment": true}',
				description: 'Card declined twice',
				group: 'don:identity:dvrv-us-1:devo/0:group/3',
				isSpam: false,
				members: 'DEVU-7, REVU-3',
				messages: 'Hi, my card was declined.',
				ownedBy: ['DEVU-42'],
				sourceChannel: 'email',
				stage: 'new',
				tags: 'TAG-1, TAG-2',
				title: 'Payment issue',
			},
		});
		expect(result.error).toBeUndefined();
		expect(creates()[0].body).toEqual({
			type: 'support',
			brand: 'don:core:dvrv-us-1:devo/0:brand/1',
			channels: ['CHAN-1'],
			custom_fields: { tnt__region: 'eu' },
			custom_schema_spec: { tenant_fragment: true },
			description: 'Card declined twice',
			group: 'don:identity:dvrv-us-1:devo/0:group/3',
			is_spam: false,
			members: ['DEVU-7', 'REVU-3'],
			messages: [{ body: 'Hi, my card was declined.' }],
			owned_by: ['DEVU-42'],
			source_channel: 'email',
			stage: { name: 'new' },
			tags: [{ id: 'TAG-1' }, { id: 'TAG-2' }],
			title: 'Payment issue',
		});
		expect(creates()[0].rejected).toBeUndefined();
		const conversation = result.items[0].json.conversation as {
			title: string;
			members: Array<{ display_id: string }>;
			messages: Array<{ body: string; object_type: string }>;
		};
		expect(conversation.title).toBe('Payment issue');
		expect(conversation.members.map((m) => m.display_id)).toEqual(['DEVU-7', 'REVU-3']);
		expect(conversation.messages).toEqual([
			expect.objectContaining({ body: 'Hi, my card was declined.', object_type: 'conversation' }),
		]);
	});

	test('Extra Body Fields (JSON) are merged last', async () => {
		const result = await run({
			type: 'support',
			additionalFields: { title: 'From the form' },
			additionalBodyFields:
				'{"metadata": {"url_context": "https://example.com/pricing"}, "title": "Overridden"}',
		});
		expect(result.error).toBeUndefined();
		expect(creates()[0].body).toEqual({
			type: 'support',
			title: 'Overridden',
			metadata: { url_context: 'https://example.com/pricing' },
		});
	});

	test('empty lists and texts are left out', async () => {
		const result = await run({
			type: 'support',
			additionalFields: { members: '', tags: [], title: '', messages: '  ', stage: ' ' },
		});
		expect(result.error).toBeUndefined();
		expect(creates()[0].body).toEqual({ type: 'support' });
	});

	test('a create is not retried after a 503 (it may have been created)', async () => {
		ctx.sim.fault({ method: 'POST', path: '/conversations.create' }, { status: 503 });
		const result = await run({ type: 'support' });
		expect(result.error?.httpCode).toBe('503');
		expect(result.error?.context).toMatchObject({ code: 'service_unavailable', retryable: true });
		expect(creates()).toHaveLength(1);
	});

	test("an unknown member: DevRev's 400 with its type", async () => {
		const result = await run({ type: 'support', additionalFields: { members: 'nobody' } });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe('invalid user ID: nobody');
		expect(result.error?.context).toMatchObject({ code: 'invalid_id', retryable: false });
	});

	test.each([
		['a Type other than support', { type: 'dm' }, /^Type: must be "support", got "dm"/],
		[
			'custom fields without a schema spec',
			{ additionalFields: { customFields: '{"tnt__a": 1}' } },
			/^Custom Schema Spec \(JSON\): is required when Custom Fields are set/,
		],
		[
			'a member listed twice',
			{ additionalFields: { members: 'DEVU-7, DEVU-7' } },
			/^Members: contains "DEVU-7" more than once/,
		],
		[
			'body JSON that does not parse',
			{ additionalBodyFields: '{"title": ' },
			/^Extra Body Fields \(JSON\): is not valid JSON/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ type: 'support', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Continue On Fail: a refused item and a failed one beside a created one, all paired', async () => {
		const result = await run(
			{
				type: 'support',
				additionalFields: { title: '={{ $json.title }}', members: '={{ $json.members }}' },
			},
			{
				continueOnFail: true,
				items: [
					{ title: 'ok', members: 'DEVU-7' },
					{ title: 'twice', members: 'DEVU-7,DEVU-7' },
					{ title: 'unknown', members: 'nobody' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect((result.items[0].json.conversation as { title: string }).title).toBe('ok');
		expect(result.items[1].json).toMatchObject({
			error: expect.stringMatching(/^Members: contains "DEVU-7" more than once/),
			code: 'invalid_parameter',
			field: 'Members',
			retryable: false,
		});
		expect(result.items[2].json).toMatchObject({
			error: 'invalid user ID: nobody',
			httpCode: '400',
			code: 'invalid_id',
			retryable: false,
		});
		expect(creates()).toHaveLength(2);
	});
});
