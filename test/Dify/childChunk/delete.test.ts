/** Child Chunk → Delete. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'childChunk',
	datasetId: knowledge.DOCS_DATASET,
});

/** A Parent-Child document with one chunk of `sentences` sentences (one child each): its IDs and path. */
function parent(sentences: number) {
	const text = Array.from({ length: sentences }, (_, n) => `Sentence ${n + 1}.`).join(' ');
	const [documentId] = knowledge.seedDocuments(ctx.sim.state, knowledge.DOCS_DATASET, 1, {
		text,
		doc_form: 'hierarchical_model',
	});
	const document = knowledge
		.storeOf(ctx.sim.state)
		.datasets.get(knowledge.DOCS_DATASET)
		.documents.get(documentId);
	const segmentId = String(document.segments[0].id);
	const path = `/datasets/${knowledge.DOCS_DATASET}/documents/${documentId}/segments/${segmentId}/child_chunks`;
	return { documentId, segmentId, path };
}

describe('Dify: Child Chunk → Delete', () => {
	test('DELETE …/child_chunks/{id}; outputs what was deleted; it is gone; deleting again is 404', async () => {
		const { documentId, segmentId, path } = parent(2);
		const [first, second] = (await run({ operation: 'getAll', documentId, segmentId })).items.map(
			(i) => String(i.json.id),
		);
		const deleted = await run({ operation: 'delete', documentId, segmentId, childChunkId: first });
		expect(ctx.sim.calls('DELETE')[0].path).toBe(`${path}/${first}`);
		expect(deleted.items.map((i) => i.json)).toEqual([{ deleted: true, id: first }]);
		const after = await run({ operation: 'getAll', documentId, segmentId });
		expect(after.items.map((i) => i.json.id)).toEqual([second]);
		const again = await run(
			{ operation: 'delete', documentId, segmentId, childChunkId: first },
			{ continueOnFail: true },
		);
		expect(json(again)).toMatchObject({
			error: 'Child chunk not found.',
			httpCode: '404',
			code: 'not_found',
		});
	});
});
