/** Workflow → Get Run. */
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'workflow',
	operation: 'getRun',
	user: 'user-42',
});

describe('Dify Workflow → Get Run', () => {
	test('Get Run: the run as Dify reports it', async () => {
		const started = await run({
			operation: 'run',
			inputsFormat: 'json',
			inputsJson: '{"topic":"tea"}',
		});
		const id = (started.items[0].json as IDataObject).workflow_run_id as string;
		ctx.sim.reset();
		const result = await run({ workflowRunId: id });
		expect(result.items[0].json).toMatchObject({
			id,
			status: 'succeeded',
			inputs: '{"topic":"tea"}',
			total_tokens: 321,
		});
		expect(ctx.sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /workflows/run/${id}`,
		]);
	});

	test('Get Run: a 503 then success → one item, two requests (transient failure retried)', async () => {
		const id = '5d2c8e4a-9b1f-4c37-8e6d-2a4f6b8c0e13';
		ctx.sim.fault(
			{ method: 'GET', path: `/workflows/run/${id}` },
			{ status: 503, message: 'busy' },
		);
		const result = await run({ workflowRunId: id });
		expect(result.items).toHaveLength(1);
		expect(ctx.sim.requests).toHaveLength(2);
	});

	test('Get Run: an unknown run → 404 mapped; a malformed ID refused before any request', async () => {
		const missing = await run({ workflowRunId: '00000000-0000-4000-8000-000000000999' });
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.context?.code).toBe('not_found');
		ctx.sim.reset();
		const bad = await run({ workflowRunId: 'abc' });
		expect(bad.error?.message).toMatch(/^Workflow Run ID:/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
