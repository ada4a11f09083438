/**
 * Turns a Dify `POST /chat-messages` reply into one output item, whether it arrived as a blocking
 * JSON body or as a stream of Server-Sent Events.
 *
 * The item uses the blocking response's field names (`event`, `task_id`, `id`, `message_id`,
 * `conversation_id`, `mode`, `answer`, `metadata`, `created_at`) so that switching the response
 * mode never breaks a later node's expressions, plus what only the stream carries (`reasoning`,
 * `agent_thoughts`, `files`, `workflow_run_id`, `workflow`, `nodes`, `form(s)`) and a `status`.
 * Blocking answers get the same fields with empty values.
 *
 * Facts about the stream used here (from Dify's API reference):
 * - every event is one `data:` line holding a JSON object whose `event` field names it; `ping`
 *   arrives as a bare `event: ping` line;
 * - Chatbot: `message` chunks then `message_end`; Agent: `agent_thought` + `agent_message` chunks
 *   then `message_end`; New Agent: `agent_message` chunks, then ONE closing `message` repeating the
 *   complete answer (the final answer, not more text), then `message_end`; Chatflow:
 *   `workflow_started`, node events and `message` chunks, then `message_end` + `workflow_finished`
 *   (success), `workflow_finished` failed + `error` (failure), or `human_input_required` +
 *   `workflow_paused` (pause; the stream ends there);
 * - an `error` event ends a failed stream while HTTP stays 200; `tts_message_end` may trail.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	isEventStreamContentType,
	looksLikeEventStream,
	readSseBatches,
	SseAbortError,
} from '../../../common/sse';
import type { SseChunk, SseEvent, SseSource } from '../../../common/sse';

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

/** Error codes this module produces itself (Dify's own codes pass through unchanged). */
export const DIFY_STREAM_ERROR_CODES = {
	/** The stream ended without `message_end`, `workflow_finished`, `workflow_paused` or `error`. */
	incomplete: 'incomplete_stream',
	/** Reading the stream failed (connection reset, parser overflow, ...). */
	interrupted: 'stream_interrupted',
	/** `workflow_finished` reported `failed` and no `error` event said more. */
	workflowFailed: 'workflow_failed',
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
	/** Only with `includeTts`. */
	tts?: DifyTtsResult;
	/** Only with `keepEvents`: every parsed event, in order. */
	events?: IDataObject[];
};

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
}

/** Thrown by {@link aggregateDifyStream} when its signal aborts; `partial` holds what had arrived (with `task_id`, to stop the run). */
export class DifyStreamAbortedError extends SseAbortError {
	readonly partial: DifyAggregateResult;

	constructor(reason: unknown, partial: DifyAggregateResult) {
		super(reason);
		this.partial = partial;
	}
}

// Answer chunks are appended to `parts`; every PART_BLOCK chunks they are joined into one block,
// so memory stays close to the answer's size whatever the number of chunks.
const PART_BLOCK = 512;

function str(value: unknown): string {
	return typeof value === 'string'
		? value
		: value === undefined || value === null
			? ''
			: String(value);
}

function num(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function obj(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function without(source: IDataObject, keys: ReadonlySet<string>): IDataObject {
	const copy: IDataObject = {};
	for (const key of Object.keys(source)) {
		if (!keys.has(key)) copy[key] = source[key];
	}
	return copy;
}

const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['event', 'task_id', 'conversation_id']);
const REASON_KEYS: ReadonlySet<string> = new Set(['TYPE']);

/** An event without the fields every event repeats (`event`, `task_id`, `conversation_id`). */
function withoutEnvelope(event: IDataObject): IDataObject {
	return without(event, ENVELOPE_KEYS);
}

function normaliseMetadata(value: unknown): DifyMetadata {
	const metadata = obj(value) ?? {};
	return {
		...metadata,
		usage: obj(metadata.usage) ?? {},
		retriever_resources: Array.isArray(metadata.retriever_resources)
			? (metadata.retriever_resources as IDataObject[])
			: [],
	};
}

/** A workflow run that has started and reported nothing else yet. */
function runningWorkflow(id: string): DifyWorkflowInfo {
	return {
		id,
		workflow_id: '',
		status: 'running',
		outputs: null,
		error: null,
		elapsed_time: null,
		total_tokens: null,
		total_steps: null,
		created_at: null,
		finished_at: null,
	};
}

function emptyNodes(): DifyNodesSummary {
	return {
		count: 0,
		finished: 0,
		failed: 0,
		retries: 0,
		iterations: 0,
		loops: 0,
		agent_logs: 0,
		list: [],
	};
}

/**
 * Folds parsed Dify stream events into one result. Feed it with {@link push} in stream order and
 * call {@link finish} when the stream has ended.
 */
export class DifyStreamAggregator {
	private readonly keepEvents: boolean;
	private readonly includeTts: boolean;
	private readonly fixedMode: string | undefined;

	private blocks: string[] = [];
	private parts: string[] = [];
	private reasoningParts: string[] = [];
	private taskId = '';
	private messageId = '';
	private conversationId = '';
	private endId = '';
	private createdAt: number | null = null;
	private metadata: unknown = undefined;
	private workflowRunId: string | null = null;
	private workflow: DifyWorkflowInfo | null = null;
	private readonly thoughts = new Map<string, IDataObject>();
	private thoughtCount = 0;
	private readonly fileMap = new Map<string, IDataObject>();
	private fileCount = 0;
	private readonly nodeMap = new Map<string, DifyNodeSummary>();
	private readonly nodeCounts = emptyNodes();
	private forms: DifyHumanInputForm[] = [];
	private ttsChunks: string[] = [];
	private ttsEnded = false;
	private events: IDataObject[] | undefined;
	private eventCount = 0;

	private sawAgentMessage = false;
	private sawClosingMessage = false;
	private sawWorkflowEvent = false;
	private sawAgentThought = false;
	private messageEnded = false;
	private workflowFinished = false;
	private workflowPaused = false;
	private streamError: DifyErrorInfo | null = null;
	private transportError: DifyErrorInfo | null = null;

	constructor(options: DifyAggregatorOptions = {}) {
		this.keepEvents = options.keepEvents === true;
		this.includeTts = options.includeTts === true;
		this.fixedMode = options.mode || undefined;
		if (this.keepEvents) this.events = [];
	}

	/**
	 * Adds one parsed event (the JSON object of a `data:` line). Returns the answer text this event
	 * adds for a live reader ('' when none).
	 */
	push(event: IDataObject): string {
		const type = event.event;
		if (type === 'ping') return '';
		this.eventCount++;
		if (this.events) this.events.push(event);

		if (!this.taskId && typeof event.task_id === 'string') this.taskId = event.task_id;
		if (!this.messageId && typeof event.message_id === 'string') this.messageId = event.message_id;
		if (!this.conversationId && typeof event.conversation_id === 'string') {
			this.conversationId = event.conversation_id;
		}
		if (this.createdAt === null && typeof event.created_at === 'number')
			this.createdAt = event.created_at;
		if (
			this.workflowRunId === null &&
			typeof event.workflow_run_id === 'string' &&
			event.workflow_run_id
		) {
			this.workflowRunId = event.workflow_run_id;
		}

		switch (type) {
			case 'message':
				return this.onMessage(str(event.answer));
			case 'agent_message': {
				this.sawAgentMessage = true;
				const text = str(event.answer);
				this.append(text);
				return text;
			}
			case 'message_replace':
				this.replaceAnswer(str(event.answer));
				return '';
			case 'reasoning_chunk': {
				const data = obj(event.data);
				const text = str(data?.reasoning);
				if (text) this.reasoningParts.push(text);
				if (this.reasoningParts.length >= PART_BLOCK) {
					this.reasoningParts = [this.reasoningParts.join('')];
				}
				return '';
			}
			case 'agent_thought':
				this.onAgentThought(event);
				return '';
			case 'message_file': {
				const file = withoutEnvelope(event);
				const key = typeof event.id === 'string' && event.id ? event.id : `#${this.fileCount}`;
				this.fileCount++;
				this.fileMap.set(key, file);
				return '';
			}
			case 'message_end':
				this.messageEnded = true;
				if (typeof event.id === 'string' && event.id) this.endId = event.id;
				if (event.metadata !== undefined) this.metadata = event.metadata;
				return '';
			case 'tts_message':
				if (this.includeTts && typeof event.audio === 'string' && event.audio) {
					this.ttsChunks.push(event.audio);
				}
				return '';
			case 'tts_message_end':
				this.ttsEnded = true;
				return '';
			case 'error':
				this.streamError = {
					status: num(event.status) ?? 500,
					code: str(event.code) || 'unknown_error',
					message: str(event.message) || 'Dify reported an error in the stream',
				};
				return '';
			case 'workflow_started':
				this.onWorkflowStarted(event);
				return '';
			case 'workflow_finished':
				this.onWorkflowFinished(event);
				return '';
			case 'workflow_paused':
				this.onWorkflowPaused(event);
				return '';
			case 'human_input_required':
				this.sawWorkflowEvent = true;
				this.addForm(obj(event.data));
				return '';
			case 'human_input_form_filled':
			case 'human_input_form_timeout':
				this.sawWorkflowEvent = true;
				this.onFormOutcome(type, obj(event.data));
				return '';
			case 'node_started':
			case 'node_finished':
			case 'node_retry':
			case 'iteration_started':
			case 'iteration_next':
			case 'iteration_completed':
			case 'loop_started':
			case 'loop_next':
			case 'loop_completed':
			case 'agent_log':
				this.sawWorkflowEvent = true;
				this.onNodeEvent(type, obj(event.data));
				return '';
			default:
				// Unknown or informational events (text_chunk, future additions) are tolerated.
				return '';
		}
	}

	/**
	 * Marks the stream as broken by the transport (connection reset, ...). The result becomes
	 * `failed` with this error unless Dify had already reported a terminal event.
	 */
	interrupt(error: DifyErrorInfo): void {
		this.transportError = error;
	}

	/** A snapshot of the progress so far. */
	get state(): DifyStreamState {
		return {
			status: this.outcome(false).status,
			task_id: this.taskId,
			message_id: this.messageId,
			conversation_id: this.conversationId,
			workflow_run_id: this.workflowRunId,
			answer: this.answerSoFar(),
			events: this.eventCount,
		};
	}

	/** Builds the result. A stream that reached no terminal event is reported as failed (`incomplete_stream`). */
	finish(): DifyAggregateResult {
		const { status, error } = this.outcome(true);
		const result: DifyAggregateResult = {
			event: 'message',
			task_id: this.taskId,
			id: this.endId || this.messageId,
			message_id: this.messageId,
			conversation_id: this.conversationId,
			mode: this.fixedMode ?? this.inferMode(),
			answer: this.answerSoFar(),
			metadata: normaliseMetadata(this.metadata),
			created_at: this.createdAt,
			status,
			error,
			reasoning: this.reasoningParts.join(''),
			agent_thoughts: [...this.thoughts.values()],
			files: [...this.fileMap.values()],
			workflow_run_id: this.workflowRunId,
			workflow: this.workflow ? { ...this.workflow } : null,
			nodes: { ...this.nodeCounts, list: [...this.nodeMap.values()].map((node) => ({ ...node })) },
			form: status === 'paused' && this.forms.length > 0 ? this.forms[0] : null,
			forms: [...this.forms],
		};
		if (this.includeTts) {
			result.tts = {
				audio: Buffer.concat(this.ttsChunks.map((chunk) => Buffer.from(chunk, 'base64'))).toString(
					'base64',
				),
				chunks: this.ttsChunks.length,
				ended: this.ttsEnded,
			};
		}
		if (this.events) result.events = this.events;
		return result;
	}

	private outcome(final: boolean): { status: DifyResultStatus; error: DifyErrorInfo | null } {
		if (this.streamError) return { status: 'failed', error: { ...this.streamError } };
		const workflowStatus = this.workflow?.status;
		if (this.workflowFinished && workflowStatus) {
			if (workflowStatus === 'failed') {
				return {
					status: 'failed',
					error: {
						status: 500,
						code: DIFY_STREAM_ERROR_CODES.workflowFailed,
						message: this.workflow?.error || 'The Dify workflow failed',
					},
				};
			}
			if (workflowStatus === 'stopped') return { status: 'stopped', error: null };
			if (workflowStatus === 'partial-succeeded')
				return { status: 'partial-succeeded', error: null };
			if (workflowStatus === 'succeeded') return { status: 'succeeded', error: null };
		}
		if (this.workflowPaused) return { status: 'paused', error: null };
		if (this.messageEnded) return { status: 'succeeded', error: null };
		if (this.transportError) return { status: 'failed', error: { ...this.transportError } };
		if (!final) return { status: 'running', error: null };
		return {
			status: 'failed',
			error: {
				status: 502,
				code: DIFY_STREAM_ERROR_CODES.incomplete,
				message:
					'The Dify stream ended before the reply was complete (no message_end, workflow_finished, workflow_paused or error event)',
			},
		};
	}

	private inferMode(): string {
		if (this.sawWorkflowEvent || this.workflow) return 'advanced-chat';
		if (this.sawAgentMessage && this.sawClosingMessage) return 'agent';
		if (this.sawAgentMessage || this.sawAgentThought) return 'agent-chat';
		return 'chat';
	}

	private append(text: string): void {
		if (text.length === 0) return;
		this.parts.push(text);
		if (this.parts.length >= PART_BLOCK) {
			this.blocks.push(this.parts.join(''));
			this.parts.length = 0;
		}
	}

	private answerSoFar(): string {
		if (this.parts.length === 0 && this.blocks.length <= 1) return this.blocks[0] ?? '';
		if (this.parts.length > 0) {
			this.blocks.push(this.parts.join(''));
			this.parts.length = 0;
		}
		const answer = this.blocks.join('');
		this.blocks = [answer];
		return answer;
	}

	private replaceAnswer(text: string): void {
		this.blocks = text ? [text] : [];
		this.parts.length = 0;
	}

	private onMessage(text: string): string {
		if (!this.sawAgentMessage) {
			this.append(text);
			return text;
		}
		// New Agent apps close with one `message` repeating the complete answer: it replaces what
		// the `agent_message` deltas built, and only a missing tail (if any) is news to a live reader.
		this.sawClosingMessage = true;
		const sofar = this.answerSoFar();
		this.replaceAnswer(text);
		return text.startsWith(sofar) ? text.slice(sofar.length) : '';
	}

	private onAgentThought(event: IDataObject): void {
		this.sawAgentThought = true;
		const thought = withoutEnvelope(event);
		// Dify re-sends a thought under the same id as it progresses (tool called, observation in):
		// keep the latest state, in order of first appearance.
		const key = typeof event.id === 'string' && event.id ? event.id : `#${this.thoughtCount}`;
		this.thoughtCount++;
		const previous = this.thoughts.get(key);
		this.thoughts.set(key, previous ? { ...previous, ...thought } : thought);
	}

	private onWorkflowStarted(event: IDataObject): void {
		this.sawWorkflowEvent = true;
		const data = obj(event.data) ?? {};
		this.workflow = {
			...data,
			...runningWorkflow(str(data.id) || this.workflowRunId || ''),
			workflow_id: str(data.workflow_id),
			created_at: num(data.created_at),
		};
		if (this.workflowRunId === null && this.workflow.id) this.workflowRunId = this.workflow.id;
	}

	private ensureWorkflow(): DifyWorkflowInfo {
		if (!this.workflow) this.workflow = runningWorkflow(this.workflowRunId ?? '');
		return this.workflow;
	}

	private onWorkflowFinished(event: IDataObject): void {
		this.sawWorkflowEvent = true;
		this.workflowFinished = true;
		const data = obj(event.data) ?? {};
		const workflow = this.ensureWorkflow();
		Object.assign(workflow, data);
		workflow.status = str(data.status) || 'succeeded';
		workflow.outputs = obj(data.outputs) ?? null;
		workflow.error = typeof data.error === 'string' && data.error ? data.error : null;
		if (this.workflowRunId === null && str(data.id)) this.workflowRunId = str(data.id);
	}

	private onWorkflowPaused(event: IDataObject): void {
		this.sawWorkflowEvent = true;
		this.workflowPaused = true;
		const data = obj(event.data) ?? {};
		const workflow = this.ensureWorkflow();
		Object.assign(workflow, data);
		workflow.status = 'paused';
		workflow.outputs = obj(data.outputs) ?? null;
		if (this.workflowRunId === null && str(data.workflow_run_id)) {
			this.workflowRunId = str(data.workflow_run_id);
		}
		if (!workflow.id && this.workflowRunId) workflow.id = this.workflowRunId;
		// The pause reasons repeat each waiting form; use them when human_input_required was missed.
		if (Array.isArray(data.reasons)) {
			for (const reason of data.reasons as unknown[]) {
				const entry = obj(reason);
				if (!entry) continue;
				const kind = str(entry.TYPE ?? entry.type);
				if (kind && kind !== 'human_input_required') continue;
				this.addForm(without(entry, REASON_KEYS));
			}
		}
	}

	private addForm(data: IDataObject | undefined): void {
		if (!data) return;
		const known = this.forms.findIndex(
			(form) =>
				(data.form_id !== undefined && form.form_id === data.form_id) ||
				(!!data.form_token && form.form_token === data.form_token),
		);
		if (known >= 0) this.forms[known] = { ...data, ...this.forms[known] };
		else this.forms.push({ ...data });
	}

	private onFormOutcome(type: string, data: IDataObject | undefined): void {
		if (!data) return;
		const form = this.forms.find(
			(entry) => entry.node_id !== undefined && entry.node_id === data.node_id,
		);
		if (!form) return;
		if (type === 'human_input_form_filled') {
			form.action_id = data.action_id;
			form.action_text = data.action_text;
			form.submitted_data = data.submitted_data;
			form.rendered_content = data.rendered_content;
		} else {
			form.timed_out = true;
		}
	}

	private node(data: IDataObject): DifyNodeSummary | undefined {
		const nodeId = str(data.node_id);
		if (!nodeId) return undefined;
		let node = this.nodeMap.get(nodeId);
		if (!node) {
			node = {
				node_id: nodeId,
				node_type: str(data.node_type),
				title: str(data.title),
				status: 'running',
				executions: 0,
				retries: 0,
				elapsed_time: 0,
				error: null,
				steps: 0,
				agent_logs: 0,
			};
			this.nodeMap.set(nodeId, node);
		} else {
			if (!node.node_type && data.node_type) node.node_type = str(data.node_type);
			if (!node.title && data.title) node.title = str(data.title);
		}
		return node;
	}

	private onNodeEvent(type: string, data: IDataObject | undefined): void {
		const counts = this.nodeCounts;
		if (type === 'node_started') counts.count++;
		else if (type === 'node_finished') counts.finished++;
		else if (type === 'node_retry') counts.retries++;
		else if (type === 'iteration_started') counts.iterations++;
		else if (type === 'loop_started') counts.loops++;
		else if (type === 'agent_log') counts.agent_logs++;
		if (!data) return;
		const node = this.node(data);
		if (!node) return;
		switch (type) {
			case 'node_started':
				node.executions++;
				node.status = 'running';
				break;
			case 'node_finished':
			case 'iteration_completed':
			case 'loop_completed': {
				const status = str(data.status) || 'succeeded';
				node.status = status;
				const elapsed = num(data.elapsed_time);
				if (elapsed !== null) node.elapsed_time += elapsed;
				if (typeof data.error === 'string' && data.error) node.error = data.error;
				if (type === 'node_finished' && status === 'failed') counts.failed++;
				const steps = num(data.steps);
				if (type !== 'node_finished' && steps !== null) node.steps = steps;
				break;
			}
			case 'node_retry':
				node.retries++;
				if (typeof data.error === 'string' && data.error) node.error = data.error;
				break;
			case 'iteration_started':
			case 'loop_started':
				node.executions++;
				node.status = 'running';
				break;
			case 'iteration_next':
			case 'loop_next':
				node.steps++;
				break;
			case 'agent_log':
				node.agent_logs++;
				break;
		}
	}
}

/** Parses one SSE event's `data` as a Dify event; null for pings, empty or non-JSON data. */
export function parseDifyEvent(sse: SseEvent): IDataObject | null {
	if (sse.event === 'ping') return null;
	const data = sse.data;
	if (data.length === 0) return null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(data);
	} catch {
		return null;
	}
	const event = obj(parsed);
	if (!event) return null;
	if (typeof event.event !== 'string' && sse.event) event.event = sse.event;
	return event;
}

function errorMessage(error: unknown): string {
	if (error instanceof Error && error.message) return error.message;
	return str(error) || 'unknown error';
}

/**
 * Reads a Dify SSE byte stream incrementally and returns the aggregated item. Dify failures
 * (`error` event, failed workflow), a stream without a terminal event and a broken connection are
 * returned as `status: 'failed'` with `error` set and the partial answer kept. An abort throws a
 * {@link DifyStreamAbortedError} carrying the partial result; errors from `onAnswerChunk` propagate.
 */
export async function aggregateDifyStream(
	source: SseSource,
	options: AggregateDifyStreamOptions = {},
): Promise<DifyAggregateResult> {
	const { signal, onAnswerChunk } = options;
	const aggregator = new DifyStreamAggregator(options);
	// Errors are only recorded inside the catch clauses and thrown after them.
	let callbackFailed = false;
	let callbackError: unknown;
	let abortReason: { reason: unknown } | undefined;
	try {
		reading: for await (const batch of readSseBatches(source, { signal })) {
			for (let i = 0; i < batch.length; i++) {
				if (signal?.aborted) {
					abortReason = { reason: signal.reason };
					break reading;
				}
				const event = parseDifyEvent(batch[i]);
				if (event === null) continue;
				const text = aggregator.push(event);
				if (text.length > 0 && onAnswerChunk) {
					try {
						const pending = onAnswerChunk(text);
						if (pending) await pending;
					} catch (error) {
						callbackFailed = true;
						callbackError = error;
						break reading;
					}
				}
			}
		}
	} catch (error) {
		if (error instanceof SseAbortError) {
			abortReason = { reason: error.cause ?? signal?.reason };
		} else {
			aggregator.interrupt({
				status: 502,
				code: DIFY_STREAM_ERROR_CODES.interrupted,
				message: `Reading the Dify stream failed: ${errorMessage(error)}`,
			});
		}
	}
	if (callbackFailed) throw callbackError;
	if (abortReason) throw new DifyStreamAbortedError(abortReason.reason, aggregator.finish());
	return aggregator.finish();
}

/** Maps a blocking `POST /chat-messages` JSON body to the same shape as a streamed reply. */
export function fromDifyBlockingResponse(
	body: IDataObject,
	options: { mode?: string } = {},
): DifyAggregateResult {
	const messageId = str(body.message_id) || str(body.id);
	const workflowRunId = str(body.workflow_run_id);
	return {
		event: 'message',
		task_id: str(body.task_id),
		id: str(body.id) || messageId,
		message_id: messageId,
		conversation_id: str(body.conversation_id),
		mode: str(body.mode) || options.mode || 'chat',
		answer: str(body.answer),
		metadata: normaliseMetadata(body.metadata),
		created_at: num(body.created_at),
		status: 'succeeded',
		error: null,
		reasoning: '',
		agent_thoughts: [],
		files: [],
		workflow_run_id: workflowRunId || null,
		workflow: null,
		nodes: emptyNodes(),
		form: null,
		forms: [],
	};
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, message: errorMessage(error) };
	}
}

function isAsyncIterable(value: unknown): value is AsyncIterable<SseChunk> {
	return value !== null && typeof value === 'object' && Symbol.asyncIterator in value;
}

async function collectText(source: AsyncIterable<SseChunk>): Promise<string> {
	const decoder = new TextDecoder('utf-8');
	const parts: string[] = [];
	for await (const chunk of source) {
		parts.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
	}
	parts.push(decoder.decode());
	return parts.join('');
}

/**
 * Aggregates any `POST /chat-messages` 200 response: a JSON object (blocking), a body given as
 * text/bytes, or a byte stream. A body is treated as an event stream when its Content-Type is
 * `text/event-stream` or when its text starts like SSE (some Dify versions answer a blocking
 * request with a stream); otherwise it must be the blocking JSON.
 */
export async function aggregateDifyResponse(
	body: IDataObject | string | Uint8Array | AsyncIterable<SseChunk>,
	contentType: string | string[] | undefined,
	options: AggregateDifyStreamOptions = {},
): Promise<DifyAggregateResult> {
	if (isAsyncIterable(body)) {
		if (isEventStreamContentType(contentType)) return await aggregateDifyStream(body, options);
		return await aggregateDifyResponse(await collectText(body), contentType, options);
	}
	if (typeof body === 'string' || body instanceof Uint8Array) {
		const text = typeof body === 'string' ? body : new TextDecoder('utf-8').decode(body);
		if (isEventStreamContentType(contentType) || looksLikeEventStream(text)) {
			return await aggregateDifyStream([text], options);
		}
		const parsed = parseJson(text);
		if (!parsed.ok) {
			throw new Error(
				`Dify returned a body that is neither JSON nor an event stream: ${parsed.message}`,
			);
		}
		const parsedObject = obj(parsed.value);
		if (!parsedObject) throw new Error('Dify returned a JSON body that is not an object');
		return fromDifyBlockingResponse(parsedObject, options);
	}
	return fromDifyBlockingResponse(body, options);
}
