/** Tag → Get Knowledge Base Tags. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'tag' });

/** A new tag's ID. */
const newTag = async (name: string) => String(json(await run({ operation: 'create', name })).id);

describe('Dify: Tag → Get Knowledge Base Tags', () => {
	test('GET /datasets/{id}/tags: one item per tag on that knowledge base', async () => {
		const tag = await newTag('Docs team');
		await run({
			operation: 'bind',
			datasetId: knowledge.DOCS_DATASET,
			tagIds: [knowledge.DOCS_TAG, tag],
		});
		ctx.sim.reset();
		const result = await run({
			operation: 'getForKnowledgeBase',
			datasetId: knowledge.DOCS_DATASET,
		});
		expect(ctx.sim.requests[0].path).toBe(`/datasets/${knowledge.DOCS_DATASET}/tags`);
		expect(result.items.map((i) => i.json)).toEqual([
			{ id: knowledge.DOCS_TAG, name: 'Product Docs' },
			{ id: tag, name: 'Docs team' },
		]);
	});

	test('an unknown knowledge base is 404; a bad ID sends nothing', async () => {
		const missing = await run({
			operation: 'getForKnowledgeBase',
			datasetId: '00000000-0000-4000-8000-000000000404',
		});
		expect(missing.error?.message).toBe('Dataset not found.');
		ctx.sim.reset();
		expect(
			(await run({ operation: 'getForKnowledgeBase', datasetId: 'x' })).error?.message,
		).toMatch(/^Knowledge Base ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
