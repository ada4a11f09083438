/** Child Chunk → Create, Get Many (paged by total_pages), Update, Delete, on a Parent-Child document. */
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

/** A Parent-Child document with one chunk of `sentences` sentences: its document and chunk IDs. */
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
	return { documentId, segmentId: String(document.segments[0].id) };
}

describe('Dify: Child Chunk', () => {
	test('Create: POST …/child_chunks with the content; outputs the child chunk', async () => {
		const { documentId, segmentId } = parent(2);
		const result = await run({
			operation: 'create',
			documentId,
			segmentId,
			content: 'Added by hand.',
		});
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST');
		expect(sent.path).toBe(
			`/datasets/${knowledge.DOCS_DATASET}/documents/${documentId}/segments/${segmentId}/child_chunks`,
		);
		expect(sent.body).toEqual({ content: 'Added by hand.' });
		expect(json(result)).toMatchObject({
			segment_id: segmentId,
			content: 'Added by hand.',
			position: 3,
			type: 'customized',
		});
	});

	test('Get Many: pages until the last of total_pages; a Limit stops early; Keyword filters', async () => {
		const { documentId, segmentId } = parent(120);
		const all = await run({ operation: 'getAll', documentId, segmentId, returnAll: true });
		expect(all.items).toHaveLength(120);
		expect(all.items.at(-1)?.json.content).toBe('Sentence 120.');
		expect(ctx.sim.calls('GET').map((r) => r.query.page)).toEqual([1, 2]);
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

	test('Update: PATCH …/child_chunks/{id} with the content; Delete: outputs what was deleted, then it is gone', async () => {
		const { documentId, segmentId } = parent(2);
		const list = await run({ operation: 'getAll', documentId, segmentId });
		const [first, second] = list.items.map((i) => String(i.json.id));
		const updated = await run({
			operation: 'update',
			documentId,
			segmentId,
			childChunkId: first,
			content: 'Rewritten.',
		});
		const [patch] = ctx.sim.calls('PATCH');
		expect(patch.path).toBe(
			`/datasets/${knowledge.DOCS_DATASET}/documents/${documentId}/segments/${segmentId}/child_chunks/${first}`,
		);
		expect(patch.body).toEqual({ content: 'Rewritten.' });
		expect(json(updated)).toMatchObject({ id: first, content: 'Rewritten.', type: 'customized' });
		const deleted = await run({ operation: 'delete', documentId, segmentId, childChunkId: first });
		expect(deleted.items.map((i) => i.json)).toEqual([{ deleted: true, id: first }]);
		const after = await run({ operation: 'getAll', documentId, segmentId });
		expect(after.items.map((i) => i.json.id)).toEqual([second]);
		const again = await run({ operation: 'delete', documentId, segmentId, childChunkId: first });
		expect(again.error?.message).toBe('Child chunk not found.');
	});

	test('bad IDs and an empty content are refused before any request', async () => {
		const ids = { documentId: knowledge.DOCS_DOCUMENT, segmentId: knowledge.DOCS_SEGMENT };
		for (const [parameters, message] of [
			[{ operation: 'create', ...ids, content: '  ' }, /^Content: must not be empty$/],
			[
				{ operation: 'update', ...ids, childChunkId: 'child', content: 'x' },
				/^Child Chunk ID: must be a UUID/,
			],
			[{ operation: 'getAll', ...ids, segmentId: 'x' }, /^Chunk ID: must be a UUID/],
		] as const) {
			const result = await run(parameters as never);
			expect(result.error?.message).toMatch(message);
		}
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
