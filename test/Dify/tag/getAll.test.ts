/** Tag → Get Many: every tag of the workspace in one answer, the Limit cut locally. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'tag' });

/** A new tag's ID. */
const newTag = async (name: string) => String(json(await run({ operation: 'create', name })).id);

describe('Dify: Tag → Get Many', () => {
	test('GET /datasets/tags: one item per tag; a Limit keeps the first ones', async () => {
		await newTag('Legal');
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.items.map((i) => i.json.name)).toEqual(['Product Docs', 'Legal']);
		expect(all.items[0].json).toEqual({
			id: knowledge.DOCS_TAG,
			name: 'Product Docs',
			type: 'knowledge',
			binding_count: '0',
		});
		const one = await run({ operation: 'getAll', limit: 1 });
		expect(one.items.map((i) => i.json.name)).toEqual(['Product Docs']);
		expect(ctx.sim.calls('GET', '/datasets/tags').map((r) => r.rawQuery)).toEqual(['', '']);
	});

	test('a 500 is retried (a read); a Limit of 0 sends nothing', async () => {
		ctx.sim.fault({ method: 'GET', path: '/datasets/tags' }, { status: 500 });
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('GET', '/datasets/tags')).toHaveLength(2);
		ctx.sim.reset();
		expect((await run({ operation: 'getAll', limit: 0 })).error?.message).toBe(
			'Limit: must be at least 1, got 0',
		);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
