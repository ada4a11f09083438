/**
 * Any 200 reply body of a generating endpoint: the blocking JSON, or an event stream (also one
 * sent to a blocking request, or labelled as JSON), read into the same item.
 */
import type { IDataObject } from 'n8n-workflow';

import { isEventStreamContentType, looksLikeEventStream } from '../../../common/sse';
import type { SseChunk } from '../../../common/sse';
import type {
	AggregateDifyStreamOptions,
	DifyAggregateResult,
	DifyResultStatus,
	DifyWorkflowInfo,
} from './interfaces';
import { DEFAULT_MAX_EVENT_CHARS, DIFY_STREAM_ERROR_CODES } from './interfaces';
import { DifyReplyReader, DifyStreamAbortedError, errorMessage } from './reader';
import { emptyNodesSummary } from './summary';
import { metadataOf, numberOrNull, objectOrUndefined, textOf } from './values';
import { runningWorkflow } from './workflow';

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
		metadata: metadataOf(body.metadata),
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

/**
 * Lets go of a body that was not read to its end. An iterator's return() waits for a pending read
 * (a stalled body would stay open until the Timeout), so a body that can be destroyed (an HTTP
 * response) is destroyed at once.
 */
export function closeBody(source: unknown, iterator?: AsyncIterator<unknown>): void {
	const destroyable = source as { destroy?: () => void; destroyed?: boolean } | null;
	if (destroyable && typeof destroyable.destroy === 'function') {
		if (!destroyable.destroyed) destroyable.destroy();
		return;
	}
	if (iterator) void Promise.resolve(iterator.return?.()).catch(() => undefined);
}

/**
 * A body that is not an event stream, as text, read within the bound of one event (so an endless
 * body cannot take all memory): undefined, with the body closed, once it grows past `maxChars`.
 * The signal is checked while waiting for each chunk; an abort closes the body and throws a
 * {@link DifyStreamAbortedError}.
 */
async function collectText(
	source: AsyncIterable<SseChunk>,
	maxChars: number,
	signal: AbortSignal | undefined,
	partial: () => DifyAggregateResult,
): Promise<string | undefined> {
	const decoder = new TextDecoder('utf-8');
	const parts: string[] = [];
	let length = 0;
	const iterator = source[Symbol.asyncIterator]();
	let done = false;
	let aborted: Promise<never> | undefined;
	let detach = () => {};
	if (signal) {
		aborted = new Promise<never>((_resolve, reject) => {
			const onAbort = () => reject(new DifyStreamAbortedError(signal.reason, partial()));
			if (signal.aborted) onAbort();
			signal.addEventListener('abort', onAbort, { once: true });
			detach = () => signal.removeEventListener('abort', onAbort);
		});
		aborted.catch(() => undefined);
	}
	try {
		for (;;) {
			const step = aborted ? await Promise.race([iterator.next(), aborted]) : await iterator.next();
			if (step.done) {
				done = true;
				break;
			}
			const chunk = step.value;
			const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
			length += text.length;
			if (length > maxChars) return undefined;
			parts.push(text);
		}
	} finally {
		detach();
		if (!done) closeBody(source, iterator);
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
		const maxChars = reader.options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS;
		let dropped: unknown;
		const text = await collectText(body, maxChars, reader.options.signal, () =>
			reader.finish(),
		).catch((error: unknown) => {
			if (error instanceof DifyStreamAbortedError) throw error;
			dropped = error;
			return null;
		});
		if (text === null) {
			// the connection broke mid-body: the same failure as a broken event stream
			reader.stop({
				status: 502,
				code: DIFY_STREAM_ERROR_CODES.interrupted,
				message: `Reading Dify's reply failed: ${errorMessage(dropped)}`,
			});
			return { broken: false };
		}
		if (text === undefined) {
			reader.stop({
				status: 502,
				code: DIFY_STREAM_ERROR_CODES.interrupted,
				message: `Dify's reply grew past ${maxChars} characters without being an event stream, so the node stopped reading it`,
			});
			return { broken: false };
		}
		return await readDifyBody(reader, text, contentType, options);
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
