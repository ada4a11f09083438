import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'conversation', operation: 'update' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const updates = () => ctx.sim.calls('POST', '/conversations.update');

describe('DevRev: Update Conversation', () => {
	test('the stage: POST /conversations.update { id, stage: { name } }', async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		const result = await run({
			conversationId: conversation.id,
			updateFields: { stage: 'resolved' },
		});
		expect(result.error).toBeUndefined();
		expect(updates()).toHaveLength(1);
		expect(updates()[0].body).toEqual({ id: conversation.id, stage: { name: 'resolved' } });
		expect(updates()[0].rejected).toBeUndefined();
		expect(result.items[0].json.conversation).toMatchObject({
			id: conversation.id,
			stage: { name: 'resolved' },
		});
	});

	test('every Update Field under its API name: lists as { set }, tags as set / add / remove', async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		const result = await run({
			conversationId: conversation.id,
			updateFields: {
				appliesToParts: 'PROD-1',
				brand: 'BRAND-1',
				channels: 'CHAN-1',
				customFields: '{"tnt__priority": "p1"}',
				customSchemaSpec: '{"tenant_fragment": true}',
				description: 'Escalated',
				group: 'GROUP-1',
				isFrozen: true,
				isSpam: false,
				members: 'DEVU-7, REVU-3',
				ownedBy: 'DEVU-42',
				stage: 'waiting_on_user',
				status: 'open',
				tags: 'TAG-1, TAG-2',
				addTags: 'TAG-3',
				removeTags: 'TAG-1',
				title: 'Escalation',
			},
		});
		expect(result.error).toBeUndefined();
		expect(updates()[0].body).toEqual({
			id: conversation.id,
			applies_to_parts: { set: ['PROD-1'] },
			brand: 'BRAND-1',
			channels: { set: ['CHAN-1'] },
			custom_fields: { tnt__priority: 'p1' },
			custom_schema_spec: { tenant_fragment: true },
			description: 'Escalated',
			group: 'GROUP-1',
			is_frozen: true,
			is_spam: false,
			members: { set: ['DEVU-7', 'REVU-3'] },
			owned_by: { set: ['DEVU-42'] },
			stage: { name: 'waiting_on_user' },
			status: 'open',
			tags: {
				set: [{ id: 'TAG-1' }, { id: 'TAG-2' }],
				add: [{ id: 'TAG-3' }],
				remove: [{ id: 'TAG-1' }],
			},
			title: 'Escalation',
		});
		expect(updates()[0].rejected).toBeUndefined();
		const updated = result.items[0].json.conversation as Record<string, any>;
		expect(updated.owned_by.map((u: { display_id: string }) => u.display_id)).toEqual(['DEVU-42']);
		expect(updated.tags.map((t: { tag: { id: string } }) => t.tag.id)).toEqual(['TAG-2', 'TAG-3']);
		expect(updated.title).toBe('Escalation');
	});

	test('a list field added but left empty clears it: { set: [] }', async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		const result = await run({ conversationId: conversation.id, updateFields: { ownedBy: '' } });
		expect(result.error).toBeUndefined();
		expect(updates()[0].body).toEqual({ id: conversation.id, owned_by: { set: [] } });
	});

	test('Extra Body Fields (JSON) alone are a change, merged last', async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		const result = await run({
			conversationId: conversation.id,
			updateFields: { title: 'x' },
			additionalBodyFields: '{"tags": {"add": [{"id": "TAG-9", "value": "p1"}]}, "title": "y"}',
		});
		expect(result.error).toBeUndefined();
		expect(updates()[0].body).toEqual({
			id: conversation.id,
			title: 'y',
			tags: { add: [{ id: 'TAG-9', value: 'p1' }] },
		});
		expect((result.items[0].json.conversation as any).tags).toEqual([
			{ tag: expect.objectContaining({ id: 'TAG-9' }), value: 'p1' },
		]);
	});

	test('an update is not retried after a 503 (sent once)', async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		ctx.sim.fault({ method: 'POST', path: '/conversations.update' }, { status: 503 });
		const result = await run({ conversationId: conversation.id, updateFields: { stage: 'x' } });
		expect(result.error?.httpCode).toBe('503');
		expect(updates()).toHaveLength(1);
	});

	test.each([
		['no update field', { updateFields: {} }, /^Update Fields: add at least one field to change/],
		['an empty title only', { updateFields: { title: '' } }, /^Update Fields: add at least one/],
		[
			'custom fields without a schema spec',
			{ updateFields: { customFields: '{"tnt__a": 1}' } },
			/^Custom Schema Spec \(JSON\): is required when Custom Fields are set/,
		],
		[
			'an owner listed twice',
			{ updateFields: { ownedBy: 'DEVU-1,DEVU-1' } },
			/^Owned By: contains "DEVU-1" more than once/,
		],
		[
			'no Conversation ID',
			{ conversationId: '={{ "" }}', updateFields: { stage: 'x' } },
			/^Conversation ID: must not be empty/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ conversationId: 'CONV-1', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown conversation: DevRev's 404; Continue On Fail keeps going", async () => {
		const conversation = devrev.seedConversation(ctx.sim.state);
		const result = await run(
			{ conversationId: '={{ $json.id }}', updateFields: { stage: 'resolved' } },
			{ continueOnFail: true, items: [{ id: 'CONV-9' }, { id: conversation.id }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			error: 'conversation CONV-9 not found',
			httpCode: '404',
			code: 'not_found',
			retryable: false,
		});
		expect(result.items[1].json.conversation).toMatchObject({ stage: { name: 'resolved' } });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
