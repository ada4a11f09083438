/** Metadata → Get Many. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'metadata',
	datasetId: knowledge.DOCS_DATASET,
});
const base = `/datasets/${knowledge.DOCS_DATASET}/metadata`;

describe('Dify: Metadata → Get Many', () => {
	test('GET …/metadata: one item per field with how many documents use it; a Limit keeps the first ones', async () => {
		const added = json(await run({ operation: 'create', name: 'pages', type: 'number' })).id;
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(ctx.sim.calls('GET', base)[0].path).toBe(base);
		expect(all.items.map((i) => i.json)).toEqual([
			{ id: knowledge.DOCS_METADATA, name: 'author', type: 'string', count: 1 },
			{ id: added, name: 'pages', type: 'number', count: 0 },
		]);
		expect((await run({ operation: 'getAll', limit: 1 })).items).toHaveLength(1);
	});

	test('an unknown knowledge base is 404', async () => {
		const missing = await run({
			operation: 'getAll',
			datasetId: '00000000-0000-4000-8000-000000000404',
		});
		expect(missing.error?.message).toBe('Dataset not found.');
	});
});
