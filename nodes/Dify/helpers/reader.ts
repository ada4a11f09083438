/**
 * The reader: turns a Dify reply (a blocking JSON body, or a stream of Server-Sent Events read
 * incrementally) into one output item through {@link DifyStreamAggregator}.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	isEventStreamContentType,
	looksLikeEventStream,
	readSseBatches,
	SseAbortError,
} from '../../common/sse';
import type { SseChunk, SseEvent, SseSource } from '../../common/sse';
import {
	DifyStreamAggregator,
	emptyNodesSummary,
	normaliseMetadata,
	runningWorkflow,
} from './aggregator';
import type {
	AggregateDifyStreamOptions,
	DifyAggregateResult,
	DifyResultStatus,
	DifyWorkflowInfo,
} from './interfaces';
import { DEFAULT_MAX_EVENT_CHARS, DIFY_STREAM_ERROR_CODES } from './interfaces';
import { fingerprint, identityOf } from './replay';
import { numberOrNull, objectOrUndefined, textOf } from './values';

/** Thrown by {@link aggregateDifyStream} when its signal aborts; `partial` holds what had arrived (with `task_id`, to stop the run). */
export class DifyStreamAbortedError extends SseAbortError {
	readonly partial: DifyAggregateResult;

	constructor(reason: unknown, partial: DifyAggregateResult) {
		super(reason);
		this.partial = partial;
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
	const event = objectOrUndefined(parsed);
	if (!event) return null;
	if (typeof event.event !== 'string' && sse.event) event.event = sse.event;
	return event;
}

function errorMessage(error: unknown): string {
	if (error instanceof Error && error.message) return error.message;
	return textOf(error) || 'unknown error';
}

const LEADING_TYPE = /^\s*\{\s*"event"\s*:\s*"([a-z_]+)"/;

/** The `event` of a Dify event's JSON when it is the first field (as Dify writes it), else undefined. */
function sniffType(data: string): string | undefined {
	return LEADING_TYPE.exec(data)?.[1];
}

/**
 * Reads one reply into one aggregate, over one stream or, when a workflow-backed stream broke,
 * over the stream Dify reopens (`GET /workflow/{id}/events?include_state_snapshot=true`).
 *
 * Dify's snapshot first sends again what the run did so far. Events are recognised so none is
 * counted twice: while the reopened stream repeats the events already read, in order (same type
 * and same size), they are skipped; once it differs, workflow and node events already seen are
 * skipped by their IDs and everything else is new.
 */
export class DifyReplyReader {
	private readonly aggregator: DifyStreamAggregator;
	/** Per event read so far: its size × 64 + its type's code (a compact fingerprint, see `fingerprint`). */
	private seen = new Float64Array(1024);
	private seenCount = 0;
	private readonly seenIdentities = new Set<string>();
	/** Events are remembered once the stream is known to belong to a workflow run. */
	private remembering = false;

	constructor(private readonly options: AggregateDifyStreamOptions = {}) {
		this.aggregator = new DifyStreamAggregator(options);
	}

	/** The progress so far: what a reconnect (`workflow_run_id`) or a stop (`task_id`) needs. */
	get state() {
		return this.aggregator.state;
	}

	/**
	 * Reads one stream to its end. Returns `broken: true` when it ended without a terminal event
	 * (reset, truncation, a stall past the node's Timeout, which the transport turns into an
	 * error of the stream); with `reopened`, the stream is one Dify
	 * reopened after a break and repeats what was read before. An abort throws a
	 * {@link DifyStreamAbortedError} carrying the partial result; errors from the chunk callbacks
	 * propagate.
	 */
	async read(source: SseSource, opts: { reopened?: boolean } = {}): Promise<{ broken: boolean }> {
		const { onAnswerChunk, onAnswerReplaced } = this.options;
		const outer = this.options.signal;
		if (opts.reopened) this.aggregator.resumeAfterBreak();

		let replayIndex = opts.reopened ? 0 : -1;
		const formsAtStart = this.aggregator.formRequests;
		let callbackFailed = false;
		let callbackError: unknown;
		let abortReason: { reason: unknown } | undefined;
		let broken = false;
		try {
			reading: for await (const batch of readSseBatches(source, {
				signal: outer,
				maxBufferSize: this.options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS,
			})) {
				for (let i = 0; i < batch.length; i++) {
					if (outer?.aborted) {
						abortReason = { reason: outer.reason };
						break reading;
					}
					const raw = batch[i];
					// A replayed event is recognised from its raw text (its type and size), unparsed.
					if (replayIndex >= 0 && replayIndex < this.seenCount) {
						const sniffed = sniffType(raw.data);
						if (
							sniffed !== undefined &&
							this.seen[replayIndex] === fingerprint(sniffed, raw.data.length)
						) {
							replayIndex++;
							continue;
						}
					}
					const event = parseDifyEvent(raw);
					if (event === null) continue;
					const type = event.event as string;
					if (!this.remembering && typeof event.workflow_run_id === 'string') {
						this.remembering = true;
					}
					const identity = this.remembering || replayIndex >= 0 ? identityOf(event) : undefined;
					if (replayIndex >= 0) {
						if (
							replayIndex < this.seenCount &&
							this.seen[replayIndex] === fingerprint(type, raw.data.length)
						) {
							replayIndex++;
							continue;
						}
						replayIndex = -1;
					}
					if (identity !== undefined && opts.reopened && this.seenIdentities.has(identity))
						continue;
					if (this.remembering) {
						if (this.seenCount === this.seen.length) {
							const grown = new Float64Array(this.seen.length * 2);
							grown.set(this.seen);
							this.seen = grown;
						}
						this.seen[this.seenCount++] = fingerprint(type, raw.data.length);
						if (identity !== undefined) this.seenIdentities.add(identity);
					}
					const text = this.aggregator.push(event);
					// With `continue_on_pause` Dify keeps the stream open at the next pause, waiting
					// for someone to answer it: a pause that asked for a form ends this item's reading.
					if (type === 'workflow_paused' && this.aggregator.formRequests > formsAtStart) {
						break reading;
					}
					try {
						if (text.length > 0 && onAnswerChunk) await onAnswerChunk(text);
						if (type === 'message_replace' && onAnswerReplaced) {
							await onAnswerReplaced(textOf(event.answer));
						}
					} catch (error) {
						callbackFailed = true;
						callbackError = error;
						break reading;
					}
				}
			}
		} catch (error) {
			if (error instanceof SseAbortError) {
				abortReason = { reason: error.cause ?? outer?.reason };
			} else {
				broken = true;
				this.aggregator.interrupt({
					status: 502,
					code: DIFY_STREAM_ERROR_CODES.interrupted,
					message: `Reading the Dify stream failed: ${errorMessage(error)}`,
				});
			}
		}
		if (callbackFailed) throw callbackError;
		if (abortReason) throw new DifyStreamAbortedError(abortReason.reason, this.finish());
		return { broken: broken || !this.aggregator.complete };
	}

	/** The aggregated item. A stream that reached no terminal event is reported as failed. */
	finish(): DifyAggregateResult {
		return this.aggregator.finish();
	}
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
	const reader = new DifyReplyReader(options);
	await reader.read(source);
	return reader.finish();
}

/** Maps a blocking `POST /chat-messages` JSON body to the same shape as a streamed reply. */
export function fromDifyBlockingResponse(
	body: IDataObject,
	options: { mode?: string } = {},
): DifyAggregateResult {
	const messageId = textOf(body.message_id) || textOf(body.id);
	const workflowRunId = textOf(body.workflow_run_id);
	// Run Workflow's blocking body: { task_id, workflow_run_id, data: the finished run }.
	const run = objectOrUndefined(body.data);
	const workflow: DifyWorkflowInfo | null = run
		? { ...runningWorkflow(workflowRunId), ...run, status: textOf(run.status) || 'succeeded' }
		: null;
	const failed = workflow?.status === 'failed';
	return {
		event: 'message',
		task_id: textOf(body.task_id),
		id: textOf(body.id) || messageId,
		message_id: messageId,
		conversation_id: textOf(body.conversation_id),
		mode: textOf(body.mode) || options.mode || 'chat',
		answer: textOf(body.answer),
		metadata: normaliseMetadata(body.metadata),
		created_at: numberOrNull(body.created_at),
		status:
			workflow && workflow.status !== 'succeeded'
				? (workflow.status as DifyResultStatus)
				: 'succeeded',
		error: failed
			? {
					status: 500,
					code: DIFY_STREAM_ERROR_CODES.workflowFailed,
					message: textOf(workflow?.error) || 'The Dify workflow failed',
				}
			: null,
		reasoning: '',
		agent_thoughts: [],
		files: [],
		workflow_run_id: workflowRunId || null,
		workflow,
		nodes: emptyNodesSummary(),
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
 * Reads any 200 reply body of a generating endpoint into `reader`: a byte stream, or a body given
 * as text/bytes. A body is treated as an event stream when its Content-Type is
 * `text/event-stream` or when its text starts like SSE (some Dify versions answer a blocking
 * request with a stream); otherwise it must be the blocking JSON, whose item is returned.
 */
export async function readDifyBody(
	reader: DifyReplyReader,
	body: IDataObject | string | Uint8Array | AsyncIterable<SseChunk>,
	contentType: string | string[] | undefined,
	options: { mode?: string } = {},
): Promise<{ blocking?: DifyAggregateResult; broken: boolean }> {
	if (isAsyncIterable(body)) {
		if (isEventStreamContentType(contentType)) return await reader.read(body);
		return await readDifyBody(reader, await collectText(body), contentType, options);
	}
	if (typeof body === 'string' || body instanceof Uint8Array) {
		const text = typeof body === 'string' ? body : new TextDecoder('utf-8').decode(body);
		if (isEventStreamContentType(contentType) || looksLikeEventStream(text)) {
			return await reader.read([text]);
		}
		const parsed = parseJson(text);
		if (!parsed.ok) {
			throw new Error(
				`Dify returned a body that is neither JSON nor an event stream: ${parsed.message}`,
			);
		}
		const parsedObject = objectOrUndefined(parsed.value);
		if (!parsedObject) throw new Error('Dify returned a JSON body that is not an object');
		return { blocking: fromDifyBlockingResponse(parsedObject, options), broken: false };
	}
	return { blocking: fromDifyBlockingResponse(body, options), broken: false };
}

/** Aggregates any `POST /chat-messages` 200 response (see {@link readDifyBody}) into one item. */
export async function aggregateDifyResponse(
	body: IDataObject | string | Uint8Array | AsyncIterable<SseChunk>,
	contentType: string | string[] | undefined,
	options: AggregateDifyStreamOptions = {},
): Promise<DifyAggregateResult> {
	const reader = new DifyReplyReader(options);
	const { blocking } = await readDifyBody(reader, body, contentType, options);
	return blocking ?? reader.finish();
}
