/** Chunk → Get Many: a document's chunks, paged, with the keyword and status filters. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { ids } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chunk',
	operation: 'getAll',
	datasetId: knowledge.DOCS_DATASET,
});

describe('Dify: Chunk → Get Many', () => {
	test('GET …/segments: one item per chunk', async () => {
		const result = await run({ documentId: knowledge.DOCS_DOCUMENT });
		expect(result.error).toBeUndefined();
		expect(ids(result)).toEqual([knowledge.DOCS_SEGMENT]);
		expect(result.items[0].json).toMatchObject({
			content: 'Dify is an open-source LLM app development platform.',
			keywords: ['dify', 'platform', 'llm'],
			status: 'completed',
		});
		expect(ctx.sim.calls('GET')[0].rawQuery).toBe('?page=1&limit=50');
	});

	test('Return All pages through a long document; a Limit stops early', async () => {
		const text = Array.from({ length: 130 }, (_, n) => `Paragraph ${n + 1}.`).join('\n\n');
		const [documentId] = knowledge.seedDocuments(ctx.sim.state, knowledge.DOCS_DATASET, 1, {
			text,
		});
		const all = await run({ documentId, returnAll: true });
		expect(all.items.map((i) => i.json.content)).toEqual(
			Array.from({ length: 130 }, (_, n) => `Paragraph ${n + 1}.`),
		);
		expect(ctx.sim.calls('GET').map((r) => r.query.page)).toEqual([1, 2]);
		ctx.sim.reset();
		const some = await run({ documentId, limit: 3 });
		expect(some.items.map((i) => i.json.content)).toEqual([
			'Paragraph 1.',
			'Paragraph 2.',
			'Paragraph 3.',
		]);
	});

	test('Filters: keyword, and status as repeated parameters', async () => {
		const result = await run({
			documentId: knowledge.DOCS_DOCUMENT,
			filters: { keyword: 'open-source', status: ['completed', 'error'] },
		});
		expect(ids(result)).toEqual([knowledge.DOCS_SEGMENT]);
		expect(ctx.sim.calls('GET')[0].rawQuery).toBe(
			'?keyword=open-source&status=completed&status=error&page=1&limit=50',
		);
		const none = await run({ documentId: knowledge.DOCS_DOCUMENT, filters: { status: ['error'] } });
		expect(none.items).toHaveLength(0);
	});
});
