/** Document → Get. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'document',
	operation: 'get',
	datasetId: knowledge.DOCS_DATASET,
	documentId: knowledge.DOCS_DOCUMENT,
});

describe('Dify: Document → Get', () => {
	test('GET …/documents/{id}: the document with its rule, segment count and metadata values', async () => {
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('GET')[0].path).toBe(
			`/datasets/${knowledge.DOCS_DATASET}/documents/${knowledge.DOCS_DOCUMENT}`,
		);
		expect(ctx.sim.calls('GET')[0].rawQuery).toBe('');
		expect(json(result)).toMatchObject({
			id: knowledge.DOCS_DOCUMENT,
			name: 'guide.txt',
			indexing_status: 'completed',
			display_status: 'available',
			segment_count: 1,
			doc_metadata: [
				{ id: knowledge.DOCS_METADATA, name: 'author', type: 'string', value: 'Dify Team' },
			],
		});
	});

	test('Additional Fields → Metadata is sent as the metadata query parameter', async () => {
		const only = await run({ additionalFields: { metadata: 'only' } });
		expect(ctx.sim.calls('GET')[0].rawQuery).toBe('?metadata=only');
		expect(Object.keys(json(only)).sort()).toEqual(['doc_metadata', 'doc_type', 'id']);
		const without = await run({ additionalFields: { metadata: 'without' } });
		expect(json(without).doc_metadata).toBeUndefined();
		expect(json(without).name).toBe('guide.txt');
	});

	test("a bad ID is refused before any request; an unknown document is 404 with Dify's message", async () => {
		const bad = await run({ documentId: 'a8e0e5b5' });
		expect(bad.error?.message).toMatch(/^Document ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
		const missing = await run(
			{ documentId: '00000000-0000-4000-8000-000000000404' },
			{ continueOnFail: true },
		);
		expect(json(missing)).toMatchObject({
			error: 'Document not found.',
			httpCode: '404',
			code: 'not_found',
		});
	});
});
