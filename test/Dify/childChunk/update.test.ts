/** Child Chunk → Update. */
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

describe('Dify: Child Chunk → Update', () => {
	test('PATCH …/child_chunks/{id} with the new content; outputs the updated child chunk', async () => {
		const { documentId, segmentId, path } = parent(2);
		const [first] = (await run({ operation: 'getAll', documentId, segmentId })).items.map((i) =>
			String(i.json.id),
		);
		ctx.sim.reset();
		const updated = await run({
			operation: 'update',
			documentId,
			segmentId,
			childChunkId: first,
			content: 'Rewritten.',
		});
		const [patch] = ctx.sim.calls('PATCH');
		expect(patch.path).toBe(`${path}/${first}`);
		expect(patch.body).toEqual({ content: 'Rewritten.' });
		expect(json(updated)).toMatchObject({ id: first, content: 'Rewritten.', type: 'customized' });
	});

	test('an unknown child chunk is 404; a bad Child Chunk ID is refused before any request; an update is not retried after a 500', async () => {
		const { documentId, segmentId } = parent(1);
		const missing = await run({
			operation: 'update',
			documentId,
			segmentId,
			childChunkId: '00000000-0000-4000-8000-000000000404',
			content: 'x',
		});
		expect(missing.error?.message).toBe('Child chunk not found.');
		ctx.sim.reset();
		expect(
			(
				await run({
					operation: 'update',
					documentId,
					segmentId,
					childChunkId: 'child',
					content: 'x',
				})
			).error?.message,
		).toMatch(/^Child Chunk ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
		ctx.sim.fault({ method: 'PATCH' }, { status: 500 });
		const failed = await run({
			operation: 'update',
			documentId,
			segmentId,
			childChunkId: '00000000-0000-4000-8000-000000000404',
			content: 'x',
		});
		expect(failed.error?.httpCode).toBe('500');
		expect(ctx.sim.calls('PATCH')).toHaveLength(1);
	});
});
