/** Tag → Create, Get Many, Rename, Delete, Bind, Unbind, Get Knowledge Base Tags. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'tag' });

describe('Dify: Tag', () => {
	test('Create: POST /datasets/tags with the name; Get Many lists every tag (the Limit cut locally)', async () => {
		const created = await run({ operation: 'create', name: 'Onboarding' });
		expect(created.error).toBeUndefined();
		expect(ctx.sim.calls('POST', '/datasets/tags')[0].body).toEqual({ name: 'Onboarding' });
		expect(json(created)).toMatchObject({
			name: 'Onboarding',
			type: 'knowledge',
			binding_count: '0',
		});
		await run({ operation: 'create', name: 'Legal' });
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.items.map((i) => i.json.name)).toEqual(['Product Docs', 'Onboarding', 'Legal']);
		const one = await run({ operation: 'getAll', limit: 1 });
		expect(one.items.map((i) => i.json.name)).toEqual(['Product Docs']);
		expect(ctx.sim.calls('GET', '/datasets/tags').map((r) => r.rawQuery)).toEqual(['', '']);
	});

	test('Bind and Unbind send tag_ids and target_id; Get Knowledge Base Tags lists what is bound', async () => {
		const legal = json(await run({ operation: 'create', name: 'Contracts' })).id as string;
		const bound = await run({
			operation: 'bind',
			datasetId: knowledge.HELP_DATASET,
			tagIds: `${knowledge.DOCS_TAG}, ${legal}`,
		});
		expect(json(bound)).toEqual({
			success: true,
			target_id: knowledge.HELP_DATASET,
			tag_ids: [knowledge.DOCS_TAG, legal],
		});
		expect(ctx.sim.calls('POST', '/datasets/tags/binding')[0].body).toEqual({
			tag_ids: [knowledge.DOCS_TAG, legal],
			target_id: knowledge.HELP_DATASET,
		});
		const tags = await run({ operation: 'getForKnowledgeBase', datasetId: knowledge.HELP_DATASET });
		expect(tags.items.map((i) => i.json)).toEqual([
			{ id: knowledge.DOCS_TAG, name: 'Product Docs' },
			{ id: legal, name: 'Contracts' },
		]);
		await run({
			operation: 'unbind',
			datasetId: knowledge.HELP_DATASET,
			tagIds: [knowledge.DOCS_TAG],
		});
		expect(ctx.sim.calls('POST', '/datasets/tags/unbinding')[0].body).toEqual({
			tag_ids: [knowledge.DOCS_TAG],
			target_id: knowledge.HELP_DATASET,
		});
		const left = await run({ operation: 'getForKnowledgeBase', datasetId: knowledge.HELP_DATASET });
		expect(left.items.map((i) => i.json.id)).toEqual([legal]);
	});

	test('Rename: PATCH /datasets/tags; Delete: DELETE /datasets/tags with the tag_id, outputs what was deleted', async () => {
		const id = json(await run({ operation: 'create', name: 'Temporary' })).id as string;
		const renamed = await run({ operation: 'rename', tagId: id, name: 'Permanent' });
		expect(ctx.sim.calls('PATCH', '/datasets/tags')[0].body).toEqual({
			tag_id: id,
			name: 'Permanent',
		});
		expect(json(renamed)).toMatchObject({ id, name: 'Permanent' });
		const deleted = await run({ operation: 'delete', tagId: id });
		expect(ctx.sim.calls('DELETE', '/datasets/tags')[0].body).toEqual({ tag_id: id });
		expect(json(deleted)).toEqual({ deleted: true, id });
		const again = await run({ operation: 'delete', tagId: id });
		expect(again.error?.message).toBe('Tag not found');
		expect(again.error?.httpCode).toBe('404');
	});

	test('a duplicate name is 400 "Tag name already exists"; binding to an unknown knowledge base is 404', async () => {
		const dup = await run({ operation: 'create', name: 'Product Docs' }, { continueOnFail: true });
		expect(json(dup)).toMatchObject({
			error: 'Tag name already exists',
			httpCode: '400',
			code: 'invalid_param',
		});
		const missing = await run({
			operation: 'bind',
			datasetId: '00000000-0000-4000-8000-000000000404',
			tagIds: knowledge.DOCS_TAG,
		});
		expect(missing.error?.message).toBe('Dataset not found');
	});

	test('bad input is refused before any request', async () => {
		for (const [parameters, message] of [
			[
				{ operation: 'create', name: 'x'.repeat(51) },
				'Name: must be at most 50 characters, got 51',
			],
			[
				{ operation: 'rename', tagId: 'a/b', name: 'n' },
				'Tag ID: "a/b" is not an ID: it contains a slash, a backslash or a control character',
			],
			[
				{ operation: 'bind', datasetId: knowledge.HELP_DATASET, tagIds: ' , ' },
				'Tag IDs: needs at least 1 entry, got 0',
			],
			[
				{ operation: 'unbind', datasetId: 'help', tagIds: 't' },
				expect.stringMatching(/^Knowledge Base ID: must be a UUID/),
			],
		] as const) {
			const result = await run(parameters as never);
			expect(result.error?.message).toEqual(message);
		}
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
