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
import { DifyStreamAggregator, emptyNodesSummary, normaliseMetadata } from './aggregator';
import type { AggregateDifyStreamOptions, DifyAggregateResult } from './interfaces';
import { DEFAULT_MAX_EVENT_CHARS, DIFY_STREAM_ERROR_CODES } from './interfaces';
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
		reading: for await (const batch of readSseBatches(source, {
			signal,
			maxBufferSize: options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS,
		})) {
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
	const messageId = textOf(body.message_id) || textOf(body.id);
	const workflowRunId = textOf(body.workflow_run_id);
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
		status: 'succeeded',
		error: null,
		reasoning: '',
		agent_thoughts: [],
		files: [],
		workflow_run_id: workflowRunId || null,
		workflow: null,
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
		const parsedObject = objectOrUndefined(parsed.value);
		if (!parsedObject) throw new Error('Dify returned a JSON body that is not an object');
		return fromDifyBlockingResponse(parsedObject, options);
	}
	return fromDifyBlockingResponse(body, options);
}
