/** Child Chunk → Get Many: paged until the last of total_pages. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';

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

describe('Dify: Child Chunk → Get Many', () => {
	test('GET …/child_chunks: one item per child chunk, Return All to the last of total_pages; a Limit and the Keyword', async () => {
		const { documentId, segmentId, path } = parent(120);
		const all = await run({ operation: 'getAll', documentId, segmentId, returnAll: true });
		expect(all.items).toHaveLength(120);
		expect(all.items.at(-1)?.json).toMatchObject({
			content: 'Sentence 120.',
			segment_id: segmentId,
			type: 'automatic',
		});
		expect(ctx.sim.calls('GET').map((r) => [r.path, r.query.page])).toEqual([
			[path, 1],
			[path, 2],
		]);
		ctx.sim.reset();
		const some = await run({
			operation: 'getAll',
			documentId,
			segmentId,
			limit: 2,
			filters: { keyword: 'Sentence 11' },
		});
		expect(some.items.map((i) => i.json.content)).toEqual(['Sentence 11.', 'Sentence 110.']);
		expect(ctx.sim.calls('GET')[0].rawQuery).toBe('?keyword=Sentence%2011&page=1&limit=2');
	});

	test('a bad Document ID is refused before any request', async () => {
		const result = await run({
			operation: 'getAll',
			documentId: 'doc',
			segmentId: knowledge.DOCS_SEGMENT,
		});
		expect(result.error?.message).toMatch(/^Document ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
