/** Tag → Bind: tags onto a knowledge base. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'tag' });

/** A new tag's ID. */
const newTag = async (name: string) => String(json(await run({ operation: 'create', name })).id);

describe('Dify: Tag → Bind', () => {
	test('POST /datasets/tags/binding with tag_ids and target_id; the knowledge base has the tags', async () => {
		const legal = await newTag('Contracts');
		const bound = await run({
			operation: 'bind',
			datasetId: knowledge.HELP_DATASET,
			tagIds: `${knowledge.DOCS_TAG}, ${legal}`,
		});
		expect(ctx.sim.calls('POST', '/datasets/tags/binding')[0].body).toEqual({
			tag_ids: [knowledge.DOCS_TAG, legal],
			target_id: knowledge.HELP_DATASET,
		});
		expect(json(bound)).toEqual({
			success: true,
			target_id: knowledge.HELP_DATASET,
			tag_ids: [knowledge.DOCS_TAG, legal],
		});
		const base = await run({
			resource: 'knowledgeBase',
			operation: 'get',
			datasetId: knowledge.HELP_DATASET,
		});
		expect(json(base).tags.map((t: { name: string }) => t.name)).toEqual([
			'Product Docs',
			'Contracts',
		]);
	});

	test('an unknown knowledge base is 404; no tag or a bad Knowledge Base ID is refused before any request', async () => {
		const missing = await run({
			operation: 'bind',
			datasetId: '00000000-0000-4000-8000-000000000404',
			tagIds: knowledge.DOCS_TAG,
		});
		expect(missing.error?.message).toBe('Dataset not found');
		ctx.sim.reset();
		expect(
			(await run({ operation: 'bind', datasetId: knowledge.HELP_DATASET, tagIds: ' , ' })).error
				?.message,
		).toBe('Tag IDs: needs at least 1 entry, got 0');
		expect(
			(await run({ operation: 'bind', datasetId: 'help', tagIds: 't' })).error?.message,
		).toMatch(/^Knowledge Base ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
