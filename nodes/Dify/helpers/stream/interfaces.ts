/**
 * The shapes of a Dify reply as the node outputs it, and the options of the reader that builds it.
 * The item keeps the blocking answer's field names, so switching the response mode keeps a later
 * node's expressions working.
 */
import type { IDataObject } from 'n8n-workflow';

export type DifyResultStatus =
	| 'running'
	| 'succeeded'
	| 'partial-succeeded'
	| 'paused'
	| 'failed'
	| 'stopped';

/** Dify's error envelope (`status`, `code`, `message`), or one made for a broken stream. */
export type DifyErrorInfo = {
	status: number;
	code: string;
	message: string;
};

/** Error codes the reader produces itself (Dify's own codes pass through unchanged). */
export const DIFY_STREAM_ERROR_CODES = {
	/** The stream ended without `message_end`, `workflow_finished`, `workflow_paused` or `error`. */
	incomplete: 'incomplete_stream',
	/** Reading the stream failed (connection reset, an event past the size bound, ...). */
	interrupted: 'stream_interrupted',
	/** `workflow_finished` reported `failed` and no `error` event said more. */
	workflowFailed: 'workflow_failed',
	/** The reply grew past the node's Max Answer Size: reading stopped (and Dify was asked to stop). */
	answerTooLarge: 'max_answer_size_exceeded',
	/** The reply took longer than the node's Max Duration: reading stopped (and Dify was asked to stop). */
	tooLong: 'max_duration_exceeded',
} as const;

/** One workflow graph node, summed over all its executions (iterations and loops run a node many times). */
export type DifyNodeSummary = {
	node_id: string;
	node_type: string;
	title: string;
	/** Status of the latest execution: `running`, `succeeded`, `failed`, `exception`, `stopped`, ... */
	status: string;
	/** `node_started` events seen for this node. */
	executions: number;
	/** `node_retry` events seen for this node. */
	retries: number;
	/** Sum of `elapsed_time` (seconds) over the finished executions. */
	elapsed_time: number;
	/** Error of the latest failed execution. */
	error: string | null;
	/** Iteration/loop nodes: `iteration_next`/`loop_next` events seen (or the reported `steps`). */
	steps: number;
	/** `agent_log` events seen for this (Agent) node. */
	agent_logs: number;
};

export type DifyNodesSummary = {
	/** Node executions started (`node_started`). */
	count: number;
	finished: number;
	failed: number;
	retries: number;
	iterations: number;
	loops: number;
	agent_logs: number;
	/** One entry per node id, in the order the nodes first appeared. */
	list: DifyNodeSummary[];
};

/** A Human Input form, with Dify's field names (`form_token`, `form_content`, `inputs`, `actions`, `expiration_time`, ...). */
export type DifyHumanInputForm = IDataObject & {
	form_id?: string;
	form_token?: string | null;
	node_id?: string;
	node_title?: string;
	form_content?: string;
	inputs?: IDataObject[];
	actions?: IDataObject[];
	expiration_time?: number;
};

/** Workflow run data from `workflow_started`, `workflow_finished` / `workflow_paused`, with Dify's field names. */
export type DifyWorkflowInfo = IDataObject & {
	id: string;
	workflow_id: string;
	status: string;
	outputs: IDataObject | null;
	error: string | null;
	elapsed_time: number | null;
	total_tokens: number | null;
	total_steps: number | null;
	created_at: number | null;
	finished_at: number | null;
};

export type DifyMetadata = IDataObject & {
	usage: IDataObject;
	retriever_resources: IDataObject[];
};

export type DifyTtsResult = {
	/** The decoded `tts_message` chunks joined, as base64 MP3. */
	audio: string;
	chunks: number;
	ended: boolean;
};

export type DifyAggregateResult = {
	event: 'message';
	task_id: string;
	id: string;
	message_id: string;
	conversation_id: string;
	mode: string;
	answer: string;
	metadata: DifyMetadata;
	created_at: number | null;
	status: DifyResultStatus;
	/** Set when `status` is `failed`: Dify's `status`/`code`/`message`, or one of {@link DIFY_STREAM_ERROR_CODES}. */
	error: DifyErrorInfo | null;
	reasoning: string;
	agent_thoughts: IDataObject[];
	files: IDataObject[];
	workflow_run_id: string | null;
	workflow: DifyWorkflowInfo | null;
	nodes: DifyNodesSummary;
	/** The first Human Input form waiting (status `paused`), else null. */
	form: DifyHumanInputForm | null;
	forms: DifyHumanInputForm[];
	/** When `reasoning_chunk` events named their LLM node: each node's reasoning, in order of first appearance. */
	reasoning_nodes?: Array<{ node_id: string; reasoning: string }>;
	/** How many times a broken stream was reopened and the reply finished (absent when never). */
	resumed?: number;
	/** Only with `includeTts`. */
	tts?: DifyTtsResult;
	/** Only with `keepEvents`: every parsed event, in order. */
	events?: IDataObject[];
};

/** The progress of a stream being read: what a reconnect or a stop needs to know. */
export type DifyStreamState = {
	status: DifyResultStatus;
	task_id: string;
	message_id: string;
	conversation_id: string;
	workflow_run_id: string | null;
	answer: string;
	/** Events pushed so far (pings excluded). */
	events: number;
};

export interface DifyAggregatorOptions {
	/** Keep every parsed event in `events` (memory then grows with the stream). */
	keepEvents?: boolean;
	/** Collect `tts_message` audio into `tts` (ignored otherwise). */
	includeTts?: boolean;
	/** The app's mode when the caller knows it; otherwise it is inferred from the events. */
	mode?: string;
}

export interface AggregateDifyStreamOptions extends DifyAggregatorOptions {
	signal?: AbortSignal;
	/** Receives answer text as it streams (not called for the New Agent closing repeat). */
	onAnswerChunk?: (text: string) => void | Promise<void>;
	/** Told the replacement answer when Dify withdraws what was streamed (`message_replace`). */
	onAnswerReplaced?: (answer: string) => void | Promise<void>;
	/**
	 * The most characters one event may hold before reading stops as `stream_interrupted`
	 * (default {@link DEFAULT_MAX_EVENT_CHARS}), so a stream that never ends its event cannot
	 * take all memory.
	 */
	maxEventChars?: number;
	/**
	 * The most characters the item may keep (answer, reasoning, collected audio, kept events)
	 * before reading stops as `max_answer_size_exceeded`; unbounded when not given.
	 */
	maxAnswerChars?: number;
}

/**
 * Large enough for any event Dify documents (a `workflow_finished` with big outputs, a long
 * `tts_message` chunk of base64 audio); far below what would endanger n8n's process.
 */
export const DEFAULT_MAX_EVENT_CHARS = 64 * 1024 * 1024;
