/** Chunk → Get. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chunk',
	operation: 'get',
	datasetId: knowledge.DOCS_DATASET,
	documentId: knowledge.DOCS_DOCUMENT,
});

describe('Dify: Chunk → Get', () => {
	test("GET …/segments/{id}: the chunk, with the document's chunking mode beside it", async () => {
		const result = await run({ segmentId: knowledge.DOCS_SEGMENT });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('GET')[0].path).toBe(
			`/datasets/${knowledge.DOCS_DATASET}/documents/${knowledge.DOCS_DOCUMENT}/segments/${knowledge.DOCS_SEGMENT}`,
		);
		expect(json(result)).toMatchObject({
			id: knowledge.DOCS_SEGMENT,
			doc_form: 'text_model',
			enabled: true,
		});
		expect(json(result).data).toBeUndefined();
	});

	test('an unknown chunk is 404 "Segment not found."; a bad Chunk ID is refused before any request', async () => {
		const missing = await run({ segmentId: '00000000-0000-4000-8000-000000000404' });
		expect(missing.error?.message).toBe('Segment not found.');
		ctx.sim.reset();
		const bad = await run({ segmentId: 'segment-1' });
		expect(bad.error?.message).toMatch(/^Chunk ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
