/** Knowledge Base → Update. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'knowledgeBase', operation: 'update' });

describe('Dify: Knowledge Base → Update', () => {
	test('PATCH /datasets/{id} with only the fields to change; outputs the updated knowledge base', async () => {
		const [id] = knowledge.seedDatasets(ctx.sim.state, 1, 'Renamed later');
		const result = await run({
			datasetId: id,
			updateFields: { name: 'Handbook', description: 'Team handbook', permission: 'only_me' },
			additionalBodyFields: '{"partial_member_list":[]}',
		});
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('PATCH');
		expect(sent.path).toBe(`/datasets/${id}`);
		expect(sent.body).toEqual({
			name: 'Handbook',
			description: 'Team handbook',
			permission: 'only_me',
			partial_member_list: [],
		});
		expect(json(result)).toMatchObject({ id, name: 'Handbook', description: 'Team handbook' });
	});

	test('an update with nothing to change is refused before any request', async () => {
		const result = await run({ datasetId: knowledge.DOCS_DATASET, updateFields: {} });
		expect(result.error?.message).toBe(
			'Update Fields: add at least one field to change (or set Extra Body Fields (JSON))',
		);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("renaming onto another knowledge base's name is 409 dataset_name_duplicate; an update is not retried after a 500", async () => {
		const clash = await run({
			datasetId: knowledge.HELP_DATASET,
			updateFields: { name: 'Product Documentation' },
		});
		expect(clash.error?.httpCode).toBe('409');
		expect(clash.error?.description).toContain('Dify code: dataset_name_duplicate');
		ctx.sim.reset();
		ctx.sim.fault({ method: 'PATCH' }, { status: 500 });
		const failed = await run({
			datasetId: knowledge.HELP_DATASET,
			updateFields: { description: 'x' },
		});
		expect(failed.error?.httpCode).toBe('500');
		expect(ctx.sim.calls('PATCH')).toHaveLength(1);
	});
});
