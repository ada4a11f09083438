/** Knowledge Base → Delete. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'knowledgeBase', operation: 'delete' });

describe('Dify: Knowledge Base → Delete', () => {
	test('DELETE /datasets/{id}; outputs what was deleted; reading it afterwards is 404', async () => {
		const [id] = knowledge.seedDatasets(ctx.sim.state, 1, 'Short-lived');
		const result = await run({ datasetId: id });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, id }]);
		expect(ctx.sim.calls('DELETE')[0].path).toBe(`/datasets/${id}`);
		const after = await run({ operation: 'get', datasetId: id });
		expect(after.error?.httpCode).toBe('404');
	});

	test('deleting it twice is 404; a delete is not retried after a 500; a bad ID sends nothing', async () => {
		const [id] = knowledge.seedDatasets(ctx.sim.state, 1, 'Twice');
		await run({ datasetId: id });
		const again = await run({ datasetId: id }, { continueOnFail: true });
		expect(json(again)).toMatchObject({ httpCode: '404', code: 'not_found' });
		ctx.sim.reset();
		ctx.sim.fault({ method: 'DELETE' }, { status: 500 });
		const failed = await run({ datasetId: knowledge.DOCS_DATASET });
		expect(failed.error?.httpCode).toBe('500');
		expect(ctx.sim.calls('DELETE')).toHaveLength(1);
		ctx.sim.reset();
		const bad = await run({ datasetId: 'not-a-uuid' });
		expect(bad.error?.message).toMatch(/^Knowledge Base ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
