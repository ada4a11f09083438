/** Tag → Unbind: tags off a knowledge base. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'tag' });

/** A new tag's ID. */
const newTag = async (name: string) => String(json(await run({ operation: 'create', name })).id);

describe('Dify: Tag → Unbind', () => {
	test('POST /datasets/tags/unbinding with tag_ids and target_id; the tag is off the knowledge base', async () => {
		const tag = await newTag('Seasonal');
		await run({
			operation: 'bind',
			datasetId: knowledge.HELP_DATASET,
			tagIds: [knowledge.DOCS_TAG, tag],
		});
		ctx.sim.reset();
		const result = await run({
			operation: 'unbind',
			datasetId: knowledge.HELP_DATASET,
			tagIds: [knowledge.DOCS_TAG],
		});
		expect(ctx.sim.calls('POST', '/datasets/tags/unbinding')[0].body).toEqual({
			tag_ids: [knowledge.DOCS_TAG],
			target_id: knowledge.HELP_DATASET,
		});
		expect(json(result)).toEqual({
			success: true,
			target_id: knowledge.HELP_DATASET,
			tag_ids: [knowledge.DOCS_TAG],
		});
		const left = await run({ operation: 'getForKnowledgeBase', datasetId: knowledge.HELP_DATASET });
		expect(left.items.map((i) => i.json.id)).toEqual([tag]);
	});

	test('an unknown knowledge base is 404; a repeated tag is refused before any request', async () => {
		const missing = await run({
			operation: 'unbind',
			datasetId: '00000000-0000-4000-8000-000000000404',
			tagIds: 't',
		});
		expect(missing.error?.httpCode).toBe('404');
		ctx.sim.reset();
		expect(
			(await run({ operation: 'unbind', datasetId: knowledge.HELP_DATASET, tagIds: 't, t' })).error
				?.message,
		).toBe('Tag IDs: contains "t" more than once; every entry must be unique');
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
