/** Knowledge Base → Get Many: page paging (Return All / Limit) and the filters. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { ids, queryOf } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'knowledgeBase', operation: 'getAll' });
const all = () => [...knowledge.storeOf(ctx.sim.state).datasets.keys()];

describe('Dify: Knowledge Base → Get Many', () => {
	test('one page of up to 50 by default: GET /datasets?page=1&limit=50, one item per knowledge base', async () => {
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(ids(result)).toEqual([knowledge.DOCS_DATASET, knowledge.HELP_DATASET]);
		expect(queryOf(ctx.sim.calls('GET', '/datasets')[0])).toEqual([
			['page', '1'],
			['limit', '50'],
		]);
	});

	test('Return All pages by number (100 a page) until has_more is false; a Limit stops with the records it needs', async () => {
		knowledge.seedDatasets(ctx.sim.state, 248, 'Pager');
		const every = await run({ returnAll: true });
		expect(ids(every)).toEqual(all());
		expect(every.items).toHaveLength(250);
		expect(ctx.sim.calls('GET', '/datasets').map((r) => queryOf(r))).toEqual([
			[
				['page', '1'],
				['limit', '100'],
			],
			[
				['page', '2'],
				['limit', '100'],
			],
			[
				['page', '3'],
				['limit', '100'],
			],
		]);
		ctx.sim.reset();
		const some = await run({ limit: 120 });
		expect(ids(some)).toEqual(all().slice(0, 120));
		expect(ctx.sim.calls('GET', '/datasets').map((r) => r.query.page)).toEqual([1, 2]);
	});

	test('Filters: keyword, tag_ids as repeated parameters, include_all', async () => {
		const tagged = await run({
			filters: {
				keyword: 'Product',
				tagIds: [knowledge.DOCS_TAG, 'f4b5c6d7-0000-4000-8000-00000000beef'],
				includeAll: true,
			},
		});
		expect(tagged.error).toBeUndefined();
		expect(ctx.sim.calls('GET', '/datasets')[0].rawQuery).toBe(
			`?keyword=Product&tag_ids=${knowledge.DOCS_TAG}&tag_ids=f4b5c6d7-0000-4000-8000-00000000beef&include_all=true&page=1&limit=50`,
		);
		// no knowledge base has both tags
		expect(tagged.items).toHaveLength(0);
		const named = await run({ filters: { keyword: 'Help' } });
		expect(ids(named)).toEqual([knowledge.HELP_DATASET]);
	});

	test('a Limit of 0 is refused before any request', async () => {
		const result = await run({ limit: 0 });
		expect(result.error?.message).toBe('Limit: must be at least 1, got 0');
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
