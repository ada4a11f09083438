/** Metadata → Set Built-In Fields: on or off. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'metadata',
	datasetId: knowledge.DOCS_DATASET,
});
const base = `/datasets/${knowledge.DOCS_DATASET}/metadata`;

describe('Dify: Metadata → Set Built-In Fields', () => {
	test('POST …/built-in/disable, then …/enable; the knowledge base says so', async () => {
		const off = await run({ operation: 'setBuiltIn', enabled: false });
		expect(ctx.sim.calls('POST', `${base}/built-in/disable`)).toHaveLength(1);
		expect(json(off)).toEqual({ result: 'success', built_in_field_enabled: false });
		expect(
			json(await run({ resource: 'knowledgeBase', operation: 'get' })).built_in_field_enabled,
		).toBe(false);
		const on = await run({ operation: 'setBuiltIn', enabled: true });
		expect(ctx.sim.calls('POST', `${base}/built-in/enable`)).toHaveLength(1);
		expect(json(on).built_in_field_enabled).toBe(true);
		expect(
			json(await run({ resource: 'knowledgeBase', operation: 'get' })).built_in_field_enabled,
		).toBe(true);
	});

	test('an unknown knowledge base is 404; switching is retried after a 500 (the same switch twice changes nothing)', async () => {
		expect(
			(await run({ operation: 'setBuiltIn', datasetId: '00000000-0000-4000-8000-000000000404' }))
				.error?.httpCode,
		).toBe('404');
		ctx.sim.reset();
		ctx.sim.fault({ method: 'POST' }, { status: 500 });
		const result = await run({ operation: 'setBuiltIn', enabled: true });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST')).toHaveLength(2);
	});
});
