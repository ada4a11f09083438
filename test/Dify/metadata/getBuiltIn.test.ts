/** Metadata → Get Built-In Fields. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'metadata',
	datasetId: knowledge.DOCS_DATASET,
});
const base = `/datasets/${knowledge.DOCS_DATASET}/metadata`;

describe('Dify: Metadata → Get Built-In Fields', () => {
	test('GET …/metadata/built-in: one item per field Dify provides', async () => {
		const fields = await run({ operation: 'getBuiltIn' });
		expect(ctx.sim.requests[0].path).toBe(`${base}/built-in`);
		expect(fields.items.map((i) => i.json)).toEqual([
			{ name: 'document_name', type: 'string' },
			{ name: 'uploader', type: 'string' },
			{ name: 'upload_date', type: 'time' },
			{ name: 'last_update_date', type: 'time' },
			{ name: 'source', type: 'string' },
		]);
		const missing = await run({
			operation: 'getBuiltIn',
			datasetId: '00000000-0000-4000-8000-000000000404',
		});
		expect(missing.error?.httpCode).toBe('404');
	});
});
