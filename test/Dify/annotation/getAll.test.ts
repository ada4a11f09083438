/** Annotation → Get Many: the app's annotations, paged by page number (has_more), with a keyword filter. */

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { appStore, ids, queryOf } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'annotation', operation: 'create' });
beforeEach(() => ctx.sim.reset({ resetState: true }));

const store = () => appStore.storeOf(ctx.sim.state);

/** `count` more annotations in the store (after the docs' one), their IDs in order. */
function seed(count: number): string[] {
	for (let n = 0; n < count; n++)
		store().annotations.push({
			id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
			question: n % 2 ? `Shipping question ${n}` : `Pricing question ${n}`,
			answer: `Answer ${n}`,
			hit_count: 0,
			created_at: 1705407629 + n,
		});
	return store().annotations.map((a) => String(a.id));
}

describe('Dify: Annotation → Get Many', () => {
	test('one item per annotation; Limit asks one page of that size', async () => {
		const result = await run({ operation: 'getAll' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				id: appStore.DOCS_ANNOTATION,
				question: 'What is Dify?',
				answer: 'Dify is an open-source LLM application development platform.',
				hit_count: 5,
				created_at: 1705407629,
			},
		]);
		expect(queryOf(ctx.sim.calls('GET', '/apps/annotations')[0])).toEqual([
			['page', '1'],
			['limit', '50'],
		]);
	});

	test('Return All follows has_more through the pages; a Limit stops after the records it needs', async () => {
		const all = seed(249);
		const every = await run({ operation: 'getAll', returnAll: true });
		expect(ids(every)).toEqual(all);
		expect(ctx.sim.calls('GET', '/apps/annotations').map((r) => queryOf(r))).toEqual([
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
		const limited = await run({ operation: 'getAll', limit: 120 });
		expect(ids(limited)).toEqual(all.slice(0, 120));
		expect(ctx.sim.calls('GET', '/apps/annotations').map((r) => r.query.page)).toEqual([1, 2]);
	});

	test('Filters → Keyword is sent as keyword', async () => {
		seed(10);
		const result = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { keyword: 'pricing' },
		});
		expect(result.items.map((i) => i.json.question)).toEqual([
			'Pricing question 0',
			'Pricing question 2',
			'Pricing question 4',
			'Pricing question 6',
			'Pricing question 8',
		]);
		expect(queryOf(ctx.sim.calls('GET', '/apps/annotations')[0])).toEqual([
			['keyword', 'pricing'],
			['page', '1'],
			['limit', '100'],
		]);
	});
});
