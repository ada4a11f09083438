/**
 * The event handling: folds parsed Dify stream events, in order, into one result.
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
 *
 * This file is longer than 400 lines because it is one state machine: every event type's handling
 * sits beside the state it changes; reading it top to bottom is reading the stream's grammar.
 */
import type { IDataObject } from 'n8n-workflow';

import type {
	DifyAggregateResult,
	DifyAggregatorOptions,
	DifyErrorInfo,
	DifyHumanInputForm,
	DifyMetadata,
	DifyResultStatus,
	DifyStreamState,
	DifyWorkflowInfo,
} from './interfaces';
import { DIFY_STREAM_ERROR_CODES } from './interfaces';
import { NodeSummaries } from './nodeSummary';
import { numberOrNull, objectOrUndefined, textOf, withoutKeys } from './values';

export { emptyNodesSummary } from './nodeSummary';

// Answer chunks are appended to `parts`; every PART_BLOCK chunks they are joined into one block,
// so memory stays close to the answer's size whatever the number of chunks.
const PART_BLOCK = 512;

const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['event', 'task_id', 'conversation_id']);
const REASON_KEYS: ReadonlySet<string> = new Set(['TYPE']);

/** An event without the fields every event repeats (`event`, `task_id`, `conversation_id`). */
function withoutEnvelope(event: IDataObject): IDataObject {
	return withoutKeys(event, ENVELOPE_KEYS);
}

export function normaliseMetadata(value: unknown): DifyMetadata {
	const metadata = objectOrUndefined(value) ?? {};
	return {
		...metadata,
		usage: objectOrUndefined(metadata.usage) ?? {},
		retriever_resources: Array.isArray(metadata.retriever_resources)
			? (metadata.retriever_resources as IDataObject[])
			: [],
	};
}

/** A workflow run that has started and reported nothing else yet. */
export function runningWorkflow(id: string): DifyWorkflowInfo {
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
	/** Reasoning per LLM node (`data.node_id`), in order of first appearance. */
	private readonly reasoningByNode = new Map<string, string[]>();
	private resumedCount = 0;
	private formsRequested = 0;
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
	private readonly nodes = new NodeSummaries();
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
				return this.onMessage(textOf(event.answer));
			case 'agent_message': {
				this.sawAgentMessage = true;
				const text = textOf(event.answer);
				this.append(text);
				return text;
			}
			case 'message_replace':
				this.replaceAnswer(textOf(event.answer));
				return '';
			case 'reasoning_chunk':
				this.onReasoningChunk(objectOrUndefined(event.data));
				return '';
			case 'text_chunk': {
				// Workflow apps stream their text as `text_chunk` (their events carry no message_id);
				// in a Chatflow the answer arrives as `message` and `text_chunk` only mirrors it.
				if (event.message_id !== undefined || event.conversation_id !== undefined) return '';
				const text = textOf(objectOrUndefined(event.data)?.text);
				this.append(text);
				return text;
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
					status: numberOrNull(event.status) ?? 500,
					code: textOf(event.code) || 'unknown_error',
					message: textOf(event.message) || 'Dify reported an error in the stream',
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
				this.formsRequested++;
				this.addForm(objectOrUndefined(event.data));
				return '';
			case 'human_input_form_filled':
			case 'human_input_form_timeout':
				this.sawWorkflowEvent = true;
				this.onFormOutcome(type, objectOrUndefined(event.data));
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
				this.nodes.onEvent(type, objectOrUndefined(event.data));
				return '';
			default:
				// Unknown or informational events (future additions) are tolerated.
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

	/**
	 * Whether the reply reached its end: an `error`, or for a workflow run `workflow_finished` /
	 * `workflow_paused` (a Chatflow sends `message_end` before `workflow_finished`), else `message_end`.
	 */
	get complete(): boolean {
		if (this.streamError || this.workflowFinished || this.workflowPaused) return true;
		return this.messageEnded && this.workflow === null;
	}

	/** How many `human_input_required` events were pushed: a pause after one is a new pause. */
	get formRequests(): number {
		return this.formsRequested;
	}

	/** Records that the stream broke and was reopened; a later break may be recorded again. */
	resumeAfterBreak(): void {
		this.resumedCount++;
		this.transportError = null;
	}

	/** A snapshot of the progress so far (a reconnect reads `status` and `workflow_run_id`). */
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
			nodes: this.nodes.summary(),
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
		if (this.reasoningByNode.size > 0) {
			result.reasoning_nodes = [...this.reasoningByNode].map(([node_id, parts]) => ({
				node_id,
				reasoning: parts.join(''),
			}));
		}
		if (this.resumedCount > 0) result.resumed = this.resumedCount;
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

	private onReasoningChunk(data: IDataObject | undefined): void {
		const text = textOf(data?.reasoning);
		if (!text) return;
		this.reasoningParts.push(text);
		if (this.reasoningParts.length >= PART_BLOCK) {
			this.reasoningParts = [this.reasoningParts.join('')];
		}
		const nodeId = textOf(data?.node_id);
		if (!nodeId) return;
		const parts = this.reasoningByNode.get(nodeId);
		if (!parts) this.reasoningByNode.set(nodeId, [text]);
		else {
			parts.push(text);
			if (parts.length >= PART_BLOCK) parts.splice(0, parts.length, parts.join(''));
		}
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
		const data = objectOrUndefined(event.data) ?? {};
		this.workflow = {
			...data,
			...runningWorkflow(textOf(data.id) || this.workflowRunId || ''),
			workflow_id: textOf(data.workflow_id),
			created_at: numberOrNull(data.created_at),
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
		const data = objectOrUndefined(event.data) ?? {};
		const workflow = this.ensureWorkflow();
		Object.assign(workflow, data);
		workflow.status = textOf(data.status) || 'succeeded';
		workflow.outputs = objectOrUndefined(data.outputs) ?? null;
		workflow.error = typeof data.error === 'string' && data.error ? data.error : null;
		if (this.workflowRunId === null && textOf(data.id)) this.workflowRunId = textOf(data.id);
	}

	private onWorkflowPaused(event: IDataObject): void {
		this.sawWorkflowEvent = true;
		this.workflowPaused = true;
		const data = objectOrUndefined(event.data) ?? {};
		const workflow = this.ensureWorkflow();
		Object.assign(workflow, data);
		workflow.status = 'paused';
		workflow.outputs = objectOrUndefined(data.outputs) ?? null;
		if (this.workflowRunId === null && textOf(data.workflow_run_id)) {
			this.workflowRunId = textOf(data.workflow_run_id);
		}
		if (!workflow.id && this.workflowRunId) workflow.id = this.workflowRunId;
		// The pause reasons repeat each waiting form; use them when human_input_required was missed.
		if (Array.isArray(data.reasons)) {
			for (const reason of data.reasons as unknown[]) {
				const entry = objectOrUndefined(reason);
				if (!entry) continue;
				const kind = textOf(entry.TYPE ?? entry.type);
				if (kind && kind !== 'human_input_required') continue;
				this.addForm(withoutKeys(entry, REASON_KEYS));
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
}
