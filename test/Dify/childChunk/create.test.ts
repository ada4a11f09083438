/** Child Chunk → Create. */
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

describe('Dify: Child Chunk → Create', () => {
	test('POST …/child_chunks with the content; outputs the child chunk', async () => {
		const { documentId, segmentId, path } = parent(2);
		const result = await run({
			operation: 'create',
			documentId,
			segmentId,
			content: 'Added by hand.',
		});
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST');
		expect(sent.path).toBe(path);
		expect(sent.body).toEqual({ content: 'Added by hand.' });
		expect(json(result)).toMatchObject({
			segment_id: segmentId,
			content: 'Added by hand.',
			position: 3,
			type: 'customized',
		});
		expect(json(result).data).toBeUndefined();
	});

	test('an empty content or a bad Chunk ID is refused before any request; an unknown chunk is 404', async () => {
		const ids = { documentId: knowledge.DOCS_DOCUMENT, segmentId: knowledge.DOCS_SEGMENT };
		expect((await run({ operation: 'create', ...ids, content: '  ' })).error?.message).toBe(
			'Content: must not be empty',
		);
		expect(
			(await run({ operation: 'create', ...ids, segmentId: 'x', content: 'c' })).error?.message,
		).toMatch(/^Chunk ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
		const missing = await run({
			operation: 'create',
			...ids,
			segmentId: '00000000-0000-4000-8000-000000000404',
			content: 'c',
		});
		expect(missing.error?.message).toBe('Segment not found.');
	});
});
