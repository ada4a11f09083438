/** Folds Dify's stream events, in order, into one result: one `case` per event type. */
import type { IDataObject } from 'n8n-workflow';

import { HumanInputForms } from './forms';
import type {
	DifyAggregateResult,
	DifyAggregatorOptions,
	DifyErrorInfo,
	DifyResultStatus,
	DifyStreamState,
} from './interfaces';
import { DIFY_STREAM_ERROR_CODES } from './interfaces';
import { quickAnswer, quickChunkText } from './quick';
import { NODE_EVENTS, NodeSummaries } from './summary';
import { TextParts } from './text';
import { metadataOf, numberOrNull, objectOrUndefined, textOf, withoutKeys } from './values';
import { WorkflowRun } from './workflow';

const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['event', 'task_id', 'conversation_id']);

/** An event without the fields every event repeats (`event`, `task_id`, `conversation_id`). */
function withoutEnvelope(event: IDataObject): IDataObject {
	return withoutKeys(event, ENVELOPE_KEYS);
}

/** Records that Dify re-sends under the same `id` as they progress (agent thoughts, files). */
class RecordsById {
	private readonly byId = new Map<string, IDataObject>();
	private count = 0;

	/** Keeps the latest state of each record, in order of first appearance. */
	merge(event: IDataObject): void {
		const record = withoutEnvelope(event);
		const key = typeof event.id === 'string' && event.id ? event.id : `#${this.count}`;
		this.count++;
		const previous = this.byId.get(key);
		this.byId.set(key, previous ? { ...previous, ...record } : record);
	}

	/** Keeps the last record sent under each id. */
	set(event: IDataObject): void {
		const key = typeof event.id === 'string' && event.id ? event.id : `#${this.count}`;
		this.count++;
		this.byId.set(key, withoutEnvelope(event));
	}

	get list(): IDataObject[] {
		return [...this.byId.values()];
	}
}

/**
 * Folds parsed Dify stream events into one result. Feed it with {@link push} in stream order and
 * call {@link finish} when the stream has ended.
 *
 * The streams (Dify's API reference): Chatbot `message`* then `message_end`; Agent
 * `agent_thought` + `agent_message`* then `message_end`; New Agent `agent_message`*, one closing
 * `message` repeating the whole answer, `message_end`; Chatflow `workflow_started`, node events,
 * `message`*, then `message_end` + `workflow_finished`, or `workflow_finished` failed + `error`,
 * or `human_input_required` + `workflow_paused`. An `error` event ends a failed stream while HTTP
 * stays 200; `tts_message_end` may trail.
 */
export class DifyStreamAggregator {
	private readonly keepEvents: boolean;
	private readonly includeTts: boolean;
	private readonly fixedMode: string | undefined;

	private readonly answer = new TextParts();
	private readonly reasoning = new TextParts();
	/** Reasoning per LLM node (`data.node_id`), in order of first appearance. */
	private readonly reasoningByNode = new Map<string, TextParts>();
	private resumedCount = 0;
	private taskId = '';
	private messageId = '';
	private conversationId = '';
	private endId = '';
	private createdAt: number | null = null;
	private metadata: unknown = undefined;
	private readonly workflow = new WorkflowRun();
	private readonly thoughts = new RecordsById();
	private readonly files = new RecordsById();
	private readonly nodes = new NodeSummaries();
	private readonly forms = new HumanInputForms();
	private readonly ttsChunks: string[] = [];
	private ttsChars = 0;
	private ttsEnded = false;
	private readonly events: IDataObject[] | undefined;
	private eventChars = 0;
	private eventCount = 0;

	private sawAgentMessage = false;
	private sawClosingMessage = false;
	private sawWorkflowEvent = false;
	private sawAgentThought = false;
	private messageEnded = false;
	private streamError: DifyErrorInfo | null = null;
	private transportError: DifyErrorInfo | null = null;
	/** Set when the reader gave up on the reply (a bound reached): final, never resumed. */
	private stopError: DifyErrorInfo | null = null;

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
	push(event: IDataObject, size = 0): string {
		const type = event.event;
		if (type === 'ping') return '';
		this.eventCount++;
		if (this.events) {
			this.events.push(event);
			this.eventChars += size;
		}

		if (!this.taskId && typeof event.task_id === 'string') this.taskId = event.task_id;
		if (!this.messageId && typeof event.message_id === 'string') this.messageId = event.message_id;
		if (!this.conversationId && typeof event.conversation_id === 'string') {
			this.conversationId = event.conversation_id;
		}
		if (this.createdAt === null && typeof event.created_at === 'number')
			this.createdAt = event.created_at;
		this.workflow.noteId(event.workflow_run_id);

		switch (type) {
			case 'message':
				return this.onMessage(textOf(event.answer));
			case 'agent_message': {
				this.sawAgentMessage = true;
				const text = textOf(event.answer);
				this.answer.append(text);
				return text;
			}
			case 'message_replace':
				this.answer.replace(textOf(event.answer));
				return '';
			case 'reasoning_chunk':
				this.onReasoningChunk(objectOrUndefined(event.data));
				return '';
			case 'text_chunk': {
				// Workflow apps stream their text as `text_chunk` (their events carry no message_id);
				// in a Chatflow the answer arrives as `message` and `text_chunk` only mirrors it.
				if (event.message_id !== undefined || event.conversation_id !== undefined) return '';
				const text = textOf(objectOrUndefined(event.data)?.text);
				this.answer.append(text);
				return text;
			}
			case 'agent_thought':
				this.sawAgentThought = true;
				// Dify re-sends a thought under the same id as it progresses (tool called, observation in).
				this.thoughts.merge(event);
				return '';
			case 'message_file':
				this.files.set(event);
				return '';
			case 'message_end':
				this.messageEnded = true;
				if (typeof event.id === 'string' && event.id) this.endId = event.id;
				if (event.metadata !== undefined) this.metadata = event.metadata;
				return '';
			case 'tts_message':
				if (this.includeTts && typeof event.audio === 'string' && event.audio) {
					this.ttsChunks.push(event.audio);
					this.ttsChars += event.audio.length;
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
				this.sawWorkflowEvent = true;
				this.workflow.onStarted(objectOrUndefined(event.data) ?? {});
				return '';
			case 'workflow_finished':
				this.sawWorkflowEvent = true;
				this.workflow.onFinished(objectOrUndefined(event.data) ?? {});
				return '';
			case 'workflow_paused': {
				this.sawWorkflowEvent = true;
				const data = objectOrUndefined(event.data) ?? {};
				this.workflow.onPaused(data);
				this.forms.onPauseReasons(data.reasons);
				return '';
			}
			case 'human_input_required':
				this.sawWorkflowEvent = true;
				this.forms.onRequired(objectOrUndefined(event.data));
				return '';
			case 'human_input_form_filled':
			case 'human_input_form_timeout':
				this.sawWorkflowEvent = true;
				this.forms.onOutcome(type, objectOrUndefined(event.data));
				return '';
			default:
				if (typeof type === 'string' && NODE_EVENTS.has(type)) {
					this.sawWorkflowEvent = true;
					this.nodes.onEvent(type, objectOrUndefined(event.data));
				}
				// Unknown or informational events (future additions) are tolerated.
				return '';
		}
	}

	/**
	 * Adds an answer chunk (`message`, `agent_message`, `text_chunk`) from its raw JSON text, when
	 * reading its text alone changes nothing else (quick.ts): the fields kept from a first event
	 * are known already or absent from this one, and no events are kept. `lacksRunId`: the event
	 * must have no `workflow_run_id` either (the reader has not seen one yet). Returns the answer
	 * text it adds, or undefined: then parse the event and push() it.
	 */
	pushChunk(type: string, data: string, lacksRunId = false): string | undefined {
		if (this.events) return undefined;
		if (type !== 'message' && type !== 'agent_message' && type !== 'text_chunk') return undefined;
		// bits of FIRST_EVENT_FIELDS: the fields this event must not have
		const absent =
			(this.taskId ? 0 : 1) |
			(this.messageId ? 0 : 2) |
			(this.conversationId ? 0 : 4) |
			(this.createdAt !== null ? 0 : 8) |
			(this.workflow.id !== null && !lacksRunId ? 0 : 16);
		if (type === 'text_chunk') {
			const text = quickChunkText(data, absent);
			if (text === undefined) return undefined;
			this.eventCount++;
			this.answer.append(text);
			return text;
		}
		const text = quickAnswer(data, absent);
		if (text === undefined) return undefined;
		this.eventCount++;
		if (type === 'message') return this.onMessage(text);
		this.sawAgentMessage = true;
		this.answer.append(text);
		return text;
	}

	/**
	 * Marks the stream as broken by the transport (connection reset, ...). The result becomes
	 * `failed` with this error unless Dify had already reported a terminal event.
	 */
	interrupt(error: DifyErrorInfo): void {
		this.transportError = error;
	}

	/**
	 * Ends the reply as failed with this error (a bound the reader keeps was reached): what
	 * arrived later changes nothing, and the reply is not reopened.
	 */
	stop(error: DifyErrorInfo): void {
		this.stopError ??= error;
	}

	/**
	 * What the item holds so far, in characters: the answer, the reasoning, collected audio and
	 * kept events (what grows with the length of a reply; everything else is one event's worth).
	 */
	get size(): number {
		return this.answer.length + this.reasoning.length + this.ttsChars + this.eventChars;
	}

	/**
	 * Whether the reply reached its end: an `error`, or for a workflow run `workflow_finished` /
	 * `workflow_paused` (a Chatflow sends `message_end` before `workflow_finished`), else `message_end`.
	 */
	get complete(): boolean {
		if (this.streamError || this.stopError || this.workflow.finished || this.workflow.paused)
			return true;
		return this.messageEnded && this.workflow.info === null;
	}

	/** How many `human_input_required` events were pushed: a pause after one is a new pause. */
	get formRequests(): number {
		return this.forms.requested;
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
			workflow_run_id: this.workflow.id,
			answer: this.answer.text,
			events: this.eventCount,
		};
	}

	/** Builds the result. A stream that reached no terminal event is reported as failed (`incomplete_stream`). */
	finish(): DifyAggregateResult {
		const { status, error } = this.outcome(true);
		const forms = this.forms.list;
		const result: DifyAggregateResult = {
			event: 'message',
			task_id: this.taskId,
			id: this.endId || this.messageId,
			message_id: this.messageId,
			conversation_id: this.conversationId,
			mode: this.fixedMode ?? this.inferMode(),
			answer: this.answer.text,
			metadata: metadataOf(this.metadata),
			created_at: this.createdAt,
			status,
			error,
			reasoning: this.reasoning.text,
			agent_thoughts: this.thoughts.list,
			files: this.files.list,
			workflow_run_id: this.workflow.id,
			workflow: this.workflow.info ? { ...this.workflow.info } : null,
			nodes: this.nodes.summary(),
			form: status === 'paused' && forms.length > 0 ? forms[0] : null,
			forms: [...forms],
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
				reasoning: parts.text,
			}));
		}
		if (this.resumedCount > 0) result.resumed = this.resumedCount;
		if (this.events) result.events = this.events;
		return result;
	}

	private outcome(final: boolean): { status: DifyResultStatus; error: DifyErrorInfo | null } {
		if (this.streamError) return { status: 'failed', error: { ...this.streamError } };
		if (this.stopError) return { status: 'failed', error: { ...this.stopError } };
		const workflowStatus = this.workflow.info?.status;
		if (this.workflow.finished && workflowStatus) {
			if (workflowStatus === 'failed') {
				return {
					status: 'failed',
					error: {
						status: 500,
						code: DIFY_STREAM_ERROR_CODES.workflowFailed,
						message: this.workflow.info?.error || 'The Dify workflow failed',
					},
				};
			}
			if (workflowStatus === 'stopped') return { status: 'stopped', error: null };
			if (workflowStatus === 'partial-succeeded')
				return { status: 'partial-succeeded', error: null };
			if (workflowStatus === 'succeeded') return { status: 'succeeded', error: null };
		}
		if (this.workflow.paused) return { status: 'paused', error: null };
		if (this.messageEnded) return { status: 'succeeded', error: null };
		if (this.transportError) return { status: 'failed', error: { ...this.transportError } };
		if (!final) return { status: 'running', error: null };
		// no message_end, workflow_finished, workflow_paused or error event came
		return {
			status: 'failed',
			error: {
				status: 502,
				code: DIFY_STREAM_ERROR_CODES.incomplete,
				message: "Dify's reply ended before it was complete.",
			},
		};
	}

	private inferMode(): string {
		if (this.sawWorkflowEvent || this.workflow.info) return 'advanced-chat';
		if (this.sawAgentMessage && this.sawClosingMessage) return 'agent';
		if (this.sawAgentMessage || this.sawAgentThought) return 'agent-chat';
		return 'chat';
	}

	private onMessage(text: string): string {
		if (!this.sawAgentMessage) {
			this.answer.append(text);
			return text;
		}
		// New Agent apps close with one `message` repeating the complete answer: it replaces what
		// the `agent_message` deltas built, and only a missing tail (if any) is news to a live reader.
		this.sawClosingMessage = true;
		const sofar = this.answer.text;
		this.answer.replace(text);
		return text.startsWith(sofar) ? text.slice(sofar.length) : '';
	}

	private onReasoningChunk(data: IDataObject | undefined): void {
		const text = textOf(data?.reasoning);
		if (!text) return;
		this.reasoning.append(text);
		const nodeId = textOf(data?.node_id);
		if (!nodeId) return;
		let parts = this.reasoningByNode.get(nodeId);
		if (!parts) {
			parts = new TextParts();
			this.reasoningByNode.set(nodeId, parts);
		}
		parts.append(text);
	}
}
