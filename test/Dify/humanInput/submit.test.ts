/** Human Input → Submit: the loop from a paused run to its answer, and its failures. */
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { expectedItem } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'humanInput',
	operation: 'submit',
	user: 'user-42',
});

const RUN = 'fb47b2e6-5e43-4f90-be01-d5c5a088d156';
const TOKEN = 'tok_abc123';

const getForm = (formToken: string) => run({ operation: 'getForm', formToken });

function submit(parameters: Record<string, unknown>, extra = {}) {
	return run(
		{
			formToken: TOKEN,
			action: 'approve',
			inputs: { values: [{ name: 'comment', value: 'Looks good.' }] },
			workflowRunId: RUN,
			...parameters,
		},
		extra,
	);
}

describe('Dify Human Input: send → paused → get form → submit → resumed answer', () => {
	test('the whole loop in a Chatflow app', async () => {
		const paused = await run({
			resource: 'chatMessage',
			operation: 'send',
			query: 'Draft the launch note sim:human-input-pause',
		});
		const pausedItem = paused.items[0].json as IDataObject & Record<string, any>;
		expect(pausedItem.status).toBe('paused');
		expect(pausedItem.workflow_run_id).toBe(RUN);
		expect(pausedItem.form.form_token).toBe(TOKEN);

		const form = await getForm(pausedItem.form.form_token);
		expect(form.items[0].json).toMatchObject({
			form_content: 'Please review the draft.',
			user_actions: [{ id: 'approve', title: 'Approve', button_style: 'primary' }],
			form_token: TOKEN,
		});
		expect(ctx.sim.requests.at(-1)?.path).toBe(`/form/human_input/${TOKEN}`);

		ctx.sim.reset();
		const resumed = await submit({ workflowRunId: pausedItem.workflow_run_id });
		expect(resumed.error).toBeUndefined();
		const [post, events] = ctx.sim.requests;
		expect(post.method).toBe('POST');
		expect(post.path).toBe(`/form/human_input/${TOKEN}`);
		expect(post.body).toEqual({
			inputs: { comment: 'Looks good.' },
			action: 'approve',
			user: 'user-42',
		});
		expect(events.path).toBe(`/workflow/${RUN}/events`);
		expect((events as unknown as { rawQuery: string }).rawQuery).toBe(
			'?user=user-42&continue_on_pause=true',
		);
		const item = resumed.items[0].json as IDataObject & Record<string, any>;
		expect(item).toEqual(await expectedItem('human-input-resumed'));
		expect(item.answer).toBe('Approved: the draft goes out today.');
		expect(item.status).toBe('succeeded');
		expect(item.workflow.status).toBe('succeeded');
		expect(item.reasoning_nodes).toEqual([
			{ node_id: 'node_llm_1', reasoning: 'The reviewer approved the draft.' },
		]);
	});

	test('submitted twice → 412 human_input_form_submitted, a clear error', async () => {
		await run({ resource: 'chatMessage', operation: 'send', query: 'sim:human-input-pause' });
		const first = await submit({ continueRun: false });
		expect(first.items[0].json).toEqual({ submitted: true, form_token: TOKEN });
		const second = await submit({ continueRun: false }, { continueOnFail: true });
		const item = second.items[0].json as IDataObject;
		expect(item.httpCode).toBe('412');
		expect(item.code).toBe('human_input_form_submitted');
		expect(item.retryable).toBe(false);
		expect(String(item.errorDescription)).toContain('one-shot');
		// the form is no longer readable either
		const form = await getForm(TOKEN);
		expect(form.error?.httpCode).toBe('412');
		// never retried: one POST per submission
		expect(ctx.sim.calls('POST', '/form/')).toHaveLength(2);
	});

	test('an expired form → 412 human_input_form_expired, explained', async () => {
		await run({
			resource: 'chatMessage',
			operation: 'send',
			query: 'sim:human-input-pause +expired',
		});
		const result = await submit({});
		expect(result.error?.httpCode).toBe('412');
		expect(result.error?.context?.code).toBe('human_input_form_expired');
		expect(result.error?.description).toContain('expired');
		expect(ctx.sim.calls('GET', '/workflow/')).toHaveLength(0);
	});

	test('a wrong action is refused by Dify (400 invalid_form_data) with a hint', async () => {
		await run({ resource: 'chatMessage', operation: 'send', query: 'sim:human-input-pause' });
		const result = await submit({ action: 'ship' });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toContain('Get Form');
	});

	test('Workflow app: Run pauses, Submit continues it to the end', async () => {
		const paused = await run({
			resource: 'workflow',
			operation: 'run',
			inputsFormat: 'json',
			inputsJson: '{"draft": "sim:workflow-human-input"}',
		});
		const runItem = paused.items[0].json as IDataObject & Record<string, any>;
		expect(runItem.status).toBe('paused');
		expect(runItem.form.form_token).toBe('tok_wf_review');
		const resumed = await submit({
			formToken: runItem.form.form_token,
			workflowRunId: runItem.workflow_run_id,
			inputs: { values: [{ name: 'comment', value: 'Ship it' }] },
		});
		const item = resumed.items[0].json as IDataObject & Record<string, any>;
		expect(item.status).toBe('succeeded');
		expect(item.answer).toBe('Approved and published.');
		expect(item.workflow.outputs).toEqual({ result: 'Approved and published.' });
		const detail = await run({
			resource: 'workflow',
			operation: 'getRun',
			workflowRunId: runItem.workflow_run_id,
		});
		expect(detail.items[0].json).toMatchObject({
			id: runItem.workflow_run_id,
			status: 'succeeded',
		});
	});
});

describe('Dify Human Input: a run that pauses again', () => {
	test('Submit stops at the next pause (Dify keeps the stream open there) and outputs that form', async () => {
		const paused = await run({
			resource: 'workflow',
			operation: 'run',
			inputsFormat: 'json',
			inputsJson: '{"doc": "sim:workflow-two-reviews-pause"}',
		});
		const runItem = paused.items[0].json as Record<string, any>;
		expect(runItem.form.form_token).toBe('tok_review_legal');
		const started = Date.now();
		const next = await submit({
			formToken: 'tok_review_legal',
			workflowRunId: runItem.workflow_run_id,
			inputs: { values: [{ name: 'comment', value: 'ok' }] },
		});
		expect(Date.now() - started).toBeLessThan(20_000);
		const item = next.items[0].json as Record<string, any>;
		expect(item.status).toBe('paused');
		expect(item.form.form_token).toBe('tok_review_brand');
		expect(item.workflow.status).toBe('paused');
		expect(item.nodes.list.map((n: IDataObject) => n.node_id)).toEqual(['summarise']);
		// the second form can be answered in turn
		const form = await getForm('tok_review_brand');
		expect(form.items[0].json).toMatchObject({ form_content: 'Review 2 of 2' });
	});
});

describe('Dify Human Input → Submit: bad input is refused before any request', () => {
	test.each([
		['Form Token', { formToken: '  ' }],
		['Action', { action: '  ' }],
		['User', { user: '  ' }],
		['Workflow Run ID', { workflowRunId: 'run-1' }],
		['Inputs (JSON)', { inputsFormat: 'json', inputsJson: '[1]' }],
	])('%s', async (field, parameters) => {
		const result = await submit(parameters);
		expect(result.error?.message).toMatch(new RegExp(`^${field.replace(/[()]/g, '\\$&')}:`));
		expect(result.error?.context?.field).toBe(field);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
