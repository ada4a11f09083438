/** Document → Get Many: page paging and the filters. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { ids, queryOf } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'document', operation: 'getAll' });

describe('Dify: Document → Get Many', () => {
	test('one item per document of the knowledge base: GET …/documents?page=1&limit=50', async () => {
		const result = await run({ datasetId: knowledge.HELP_DATASET });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.name, i.json.display_status])).toEqual([
			['Shipping', 'available'],
			['Warranty', 'available'],
			['scanned-invoice.pdf', 'error'],
		]);
		const [sent] = ctx.sim.calls('GET');
		expect(sent.path).toBe(`/datasets/${knowledge.HELP_DATASET}/documents`);
		expect(queryOf(sent)).toEqual([
			['page', '1'],
			['limit', '50'],
		]);
	});

	test('Return All pages until has_more is false; a Limit stops early', async () => {
		const [base] = knowledge.seedDatasets(ctx.sim.state, 1, 'Many documents');
		const seeded = knowledge.seedDocuments(ctx.sim.state, base, 205);
		const all = await run({ datasetId: base, returnAll: true });
		expect(ids(all)).toEqual(seeded);
		expect(ctx.sim.calls('GET').map((r) => [r.query.page, r.query.limit])).toEqual([
			[1, 100],
			[2, 100],
			[3, 100],
		]);
		ctx.sim.reset();
		const some = await run({ datasetId: base, limit: 7 });
		expect(ids(some)).toEqual(seeded.slice(0, 7));
		expect(ctx.sim.calls('GET')).toHaveLength(1);
	});

	test('Filters: keyword and status (display status)', async () => {
		const failed = await run({
			datasetId: knowledge.HELP_DATASET,
			filters: { status: 'error', keyword: 'invoice' },
		});
		expect(failed.items.map((i) => i.json.name)).toEqual(['scanned-invoice.pdf']);
		expect(failed.items[0].json.error).toBe(
			'The file has no text layer: OCR is off for this workspace.',
		);
		expect(ctx.sim.calls('GET')[0].rawQuery).toBe('?keyword=invoice&status=error&page=1&limit=50');
		const bad = await run({ datasetId: knowledge.HELP_DATASET, filters: { status: 'done' } });
		expect(bad.error?.message).toMatch(/^Status: must be one of queuing, indexing/);
	});
});
