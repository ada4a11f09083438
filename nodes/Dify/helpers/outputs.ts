/**
 * The output items built from an aggregated reply: the chat shape (Send, Completion, Human Input
 * Submit) is the aggregate itself; Workflow → Run uses the names of Dify's blocking Run Workflow
 * response (`task_id`, `workflow_run_id`, `data`) so switching the response mode keeps expressions.
 */
import type { IDataObject } from 'n8n-workflow';

import type { DifyAggregateResult } from './interfaces';

/** A Workflow app's run as one item: Dify's `data` (outputs, status, total_tokens, elapsed_time, ...) plus the stream's summary. */
export function workflowItem(result: DifyAggregateResult): IDataObject {
	const item: IDataObject = {
		task_id: result.task_id,
		workflow_run_id: result.workflow_run_id ?? result.workflow?.id ?? null,
		data: result.workflow,
		status: result.status,
		error: result.error,
		text: result.answer,
		reasoning: result.reasoning,
		files: result.files,
		nodes: result.nodes,
		form: result.form,
		forms: result.forms,
	};
	if (result.reasoning_nodes) item.reasoning_nodes = result.reasoning_nodes;
	if (result.resumed) item.resumed = result.resumed;
	if (result.tts) item.tts = result.tts;
	if (result.events) item.events = result.events;
	return item;
}
