/** Chunk → Delete. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'chunk', datasetId: knowledge.DOCS_DATASET });

describe('Dify: Chunk → Delete', () => {
	test('DELETE …/segments/{id}; outputs what was deleted; deleting again is 404', async () => {
		const [documentId] = knowledge.seedDocuments(ctx.sim.state, knowledge.DOCS_DATASET, 1, {
			text: 'One.\n\nTwo.',
		});
		const chunks = await run({ operation: 'getAll', documentId });
		const [first, second] = chunks.items.map((i) => String(i.json.id));
		const result = await run({ operation: 'delete', documentId, segmentId: first });
		expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, id: first }]);
		expect(ctx.sim.calls('DELETE')[0].path).toBe(
			`/datasets/${knowledge.DOCS_DATASET}/documents/${documentId}/segments/${first}`,
		);
		const after = await run({ operation: 'getAll', documentId });
		expect(after.items.map((i) => i.json.id)).toEqual([second]);
		const again = await run({ operation: 'delete', documentId, segmentId: first });
		expect(again.error?.message).toBe('Segment not found.');
	});
});
