/** Metadata → Delete. */
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

describe('Dify: Metadata → Delete', () => {
	test('DELETE …/metadata/{id}; outputs what was deleted; the field is gone; deleting again is 404', async () => {
		const id = String(
			json(await run({ operation: 'create', name: 'temporary', type: 'string' })).id,
		);
		const deleted = await run({ operation: 'delete', metadataId: id });
		expect(ctx.sim.calls('DELETE')[0].path).toBe(`${base}/${id}`);
		expect(json(deleted)).toEqual({ deleted: true, id });
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.items.map((i) => i.json.id)).not.toContain(id);
		expect((await run({ operation: 'delete', metadataId: id })).error?.httpCode).toBe('404');
	});
});
