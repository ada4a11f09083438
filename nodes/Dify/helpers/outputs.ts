/**
 * The output items built from an aggregated reply: the chat shape (Send, Completion, Human Input
 * Submit) is the aggregate itself; Workflow → Run uses the names of Dify's blocking Run Workflow
 * response (`task_id`, `workflow_run_id`, `data`) so switching the response mode keeps expressions.
 */
import type { IDataObject } from 'n8n-workflow';

import type { DifyAggregateResult } from './stream/interfaces';

/** How an operation turns the aggregated reply into its output item. */
export type ItemShape = (result: DifyAggregateResult) => IDataObject;

/** The aggregated reply as the item, as it is (the chat shape with Simplify off). */
export const asItem: ItemShape = (result) => result as unknown as IDataObject;

/** The item of a reply: in the operation's shape, else the aggregated reply itself. */
export function replyItem(result: DifyAggregateResult, shape: ItemShape = asItem): IDataObject {
	return shape(result);
}

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

const isEmpty = (value: unknown): boolean =>
	value === null ||
	value === undefined ||
	value === '' ||
	(Array.isArray(value) && value.length === 0) ||
	(typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

/** Copy the keys whose values are not empty, in the given order. */
function nonEmpty(source: IDataObject, keys: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (!isEmpty(source[key])) out[key] = source[key];
	return out;
}

/**
 * The chat item with Simplify on: `answer`, `conversation_id`, `message_id` first, then what the
 * reply has (status, usage, ...); empty sections (`workflow`, `nodes`, `form`, `forms`,
 * `agent_thoughts`, `files`, `reasoning`) and the constant `event` are left out. Field names stay
 * Dify's; `id` only when it differs from `message_id`.
 */
export function simplifiedReply(result: DifyAggregateResult): IDataObject {
	const full = result as unknown as IDataObject;
	const metadata = result.metadata;
	const out: IDataObject = {
		answer: result.answer,
		conversation_id: result.conversation_id,
		message_id: result.message_id,
		...nonEmpty(full, ['task_id', 'status', 'mode', 'created_at']),
	};
	if (result.id && result.id !== result.message_id) out.id = result.id;
	if (!isEmpty(metadata.usage) || metadata.retriever_resources.length > 0) out.metadata = metadata;
	Object.assign(
		out,
		nonEmpty(full, ['error', 'reasoning', 'reasoning_nodes', 'agent_thoughts', 'files']),
	);
	if (result.workflow_run_id) out.workflow_run_id = result.workflow_run_id;
	if (result.workflow) out.workflow = result.workflow;
	if (result.nodes.count > 0 || result.nodes.list.length > 0) out.nodes = result.nodes;
	Object.assign(out, nonEmpty(full, ['form', 'forms', 'resumed', 'tts', 'events']));
	return out;
}

/**
 * The Workflow → Run item with Simplify on: the run's own fields (Dify's `data`: `outputs`,
 * `status`, `total_tokens`, `elapsed_time`, ...) at the top, then what the stream added when it
 * is not empty (`text`, `nodes`, `form`, ...); `error` only when the run failed.
 */
export function simplifiedWorkflow(result: DifyAggregateResult): IDataObject {
	const data = (result.workflow ?? {}) as IDataObject;
	const out: IDataObject = {
		workflow_run_id: result.workflow_run_id ?? result.workflow?.id ?? null,
		status: result.status,
		outputs: data.outputs ?? null,
		...nonEmpty(data, [
			'elapsed_time',
			'total_tokens',
			'total_steps',
			'created_at',
			'finished_at',
			'workflow_id',
			'files',
		]),
		task_id: result.task_id,
	};
	const full = workflowItem(result);
	if (result.error) out.error = result.error;
	Object.assign(out, nonEmpty(full, ['text', 'reasoning', 'reasoning_nodes']));
	if (result.nodes.count > 0 || result.nodes.list.length > 0) out.nodes = result.nodes;
	Object.assign(out, nonEmpty(full, ['form', 'forms', 'resumed', 'tts', 'events']));
	return out;
}
