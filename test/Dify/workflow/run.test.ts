/** Workflow → Run: a Workflow app's run as one item, streamed or blocking. */
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { expectedItem } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'workflow',
	operation: 'run',
	user: 'user-42',
});

const RUN_ID = '5d2c8e4a-9b1f-4c37-8e6d-2a4f6b8c0e13';
const TEXT = 'Kaffee ist ein Getränk aus gerösteten Bohnen ☕; er enthält Koffein — 咖啡因。';

function runWorkflow(parameters: Record<string, unknown> = {}, extra = {}) {
	return run({ inputsFormat: 'json', inputsJson: '{"topic": "coffee"}', ...parameters }, extra);
}

const workflowRuns = () =>
	ctx.sim.calls('POST', '/workflows').filter((r) => r.path.endsWith('/run'));

describe('Dify Workflow → Run', () => {
	test('streams by default and aggregates the run into one item with the blocking names', async () => {
		const result = await runWorkflow();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const item = result.items[0].json as IDataObject & Record<string, any>;
		expect(item).toMatchObject({
			task_id: '8f1e3d5c-7a9b-4e2d-b6c8-0a1b2c3d4e5f',
			workflow_run_id: RUN_ID,
			status: 'succeeded',
			error: null,
			text: TEXT,
			reasoning: 'Erst eine Gliederung, dann der Text. Kurz und freundlich — 简洁。',
			form: null,
		});
		expect(item.data).toMatchObject({
			id: RUN_ID,
			status: 'succeeded',
			outputs: { result: TEXT },
			total_tokens: 321,
			elapsed_time: 3.7,
			total_steps: 4,
		});
		expect(item.nodes.count).toBe(4);
		expect(item.nodes.list.map((n: IDataObject) => n.node_id)).toEqual([
			'start',
			'llm_outline',
			'llm_write',
			'end',
		]);
		expect(item.reasoning_nodes).toEqual([
			{ node_id: 'llm_outline', reasoning: 'Erst eine Gliederung, dann der Text. ' },
			{ node_id: 'llm_write', reasoning: 'Kurz und freundlich — 简洁。' },
		]);
		expect(item).not.toHaveProperty('resumed');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		const calls = workflowRuns();
		expect(calls).toHaveLength(1);
		expect(calls[0].path).toBe('/workflows/run');
		expect(calls[0].body).toEqual({
			inputs: { topic: 'coffee' },
			user: 'user-42',
			response_mode: 'streaming',
		});
		expect(calls[0].headers.accept).toBe('text/event-stream');
	});

	test('equals the aggregation of the fixture read in one piece', async () => {
		const result = await runWorkflow();
		const reference = await expectedItem('workflow-run');
		expect((result.items[0].json as IDataObject).text).toBe(reference.answer);
	});

	test('blocking: the same item names from the blocking JSON', async () => {
		const result = await runWorkflow({ additionalFields: { responseMode: 'blocking' } });
		const item = result.items[0].json as IDataObject & Record<string, any>;
		expect(item.workflow_run_id).toBe(RUN_ID);
		expect(item.status).toBe('succeeded');
		expect(item.data.outputs).toEqual({ result: TEXT });
		expect(workflowRuns()[0].body.response_mode).toBe('blocking');
	});

	test('a Workflow ID runs that version: POST /workflows/{workflow_id}/run', async () => {
		const id = '3a5c7e9b-1d2f-4a6c-8e0b-5d7f9a1c3e50';
		const result = await runWorkflow({ additionalFields: { workflowId: ` ${id} ` } });
		expect(result.error).toBeUndefined();
		expect(workflowRuns()[0].path).toBe(`/workflows/${id}/run`);
	});

	test('403 workflow_version_execution_not_allowed is explained', async () => {
		const result = await runWorkflow({
			inputsJson: '{"topic": "sim:error-workflow_version_execution_not_allowed"}',
			additionalFields: { workflowId: '3a5c7e9b-1d2f-4a6c-8e0b-5d7f9a1c3e50' },
		});
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.description).toContain('Sandbox');
		expect(result.error?.context?.code).toBe('workflow_version_execution_not_allowed');
	});
});

describe('Dify Workflow → Run: bad input is refused before any request', () => {
	test.each([
		['Workflow ID', { additionalFields: { workflowId: 'v2' } }],
		['Response Mode', { additionalFields: { responseMode: 'later' } }],
		['Inputs (JSON)', { inputsJson: '{not json' }],
		['User', { user: '  ' }],
		['Resume Attempts', { options: { resumeAttempts: 11 } }],
		['When Dify Replaces the Answer', { options: { replacedAnswer: 'ignore' } }],
		[
			'Files → File 1 → URL',
			{ additionalFields: { files: { file: [{ source: 'url', url: 'nope' }] } } },
		],
	])('%s', async (field, parameters) => {
		const result = await runWorkflow(parameters);
		expect(result.error?.message.startsWith(`${field}:`)).toBe(true);
		expect(result.error?.context?.field).toBe(field);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
