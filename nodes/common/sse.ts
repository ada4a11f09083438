/**
 * Provider-neutral, incremental Server-Sent Events reader.
 *
 * Bytes are decoded with one streaming TextDecoder (so a multi-byte UTF-8 character split across
 * two chunks is decoded correctly) and fed to eventsource-parser as they arrive. Events are handed
 * out as soon as the parser completes them: the whole stream is never buffered.
 *
 * Line endings (CRLF, LF, CR), multi-line `data:` fields, comments, `id:` and `retry:` are handled
 * by the parser as the SSE specification says. An event that is not terminated by a blank line
 * before the stream ends is discarded (also as the specification says).
 */
import { createParser } from 'eventsource-parser';
import type { EventSourceMessage, ParseError } from 'eventsource-parser';

/** One parsed SSE event. `event` and `id` are undefined when the server did not send them. */
export interface SseEvent {
	event?: string;
	data: string;
	id?: string;
}

/** What a source may yield: raw bytes (Buffer is a Uint8Array) or already-decoded text. */
export type SseChunk = Uint8Array | string;

/** A stream of chunks, or a whole body given at once. */
export type SseSource = AsyncIterable<SseChunk> | Iterable<SseChunk> | SseChunk;

export interface ReadSseOptions {
	/** When aborted, reading stops, the source is closed and an {@link SseAbortError} is thrown. */
	signal?: AbortSignal;
	/** Called for each comment line (`: text`), without the leading colon. */
	onComment?: (comment: string) => void;
	/** Called when the server sends a valid `retry:` field (milliseconds). */
	onRetry?: (retryMs: number) => void;
	/** Called for recoverable parse problems (unknown field, invalid retry). */
	onParseError?: (error: ParseError) => void;
	/**
	 * Largest number of characters the parser may hold for one unfinished line/event.
	 * When exceeded, reading stops with an {@link SseBufferOverflowError}. Unbounded when not
	 * given; every reader in the nodes gives one (Dify: `DEFAULT_MAX_EVENT_CHARS`).
	 */
	maxBufferSize?: number;
}

/** Thrown when the caller's AbortSignal fires. `name` is 'AbortError'; `cause` is the signal's reason. */
export class SseAbortError extends Error {
	constructor(reason?: unknown) {
		super('The event stream was aborted');
		this.name = 'AbortError';
		if (reason !== undefined) this.cause = reason;
	}
}

/** Thrown when one event grows past `maxBufferSize`. */
export class SseBufferOverflowError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SseBufferOverflowError';
	}
}

const CR_LINE_BREAK = /\r\n?/g;

type Closable = { return?: (value?: unknown) => unknown };

function closeQuietly(iterator: Closable): void {
	try {
		const closing = iterator.return?.();
		if (closing && typeof (closing as Promise<unknown>).then === 'function') {
			(closing as Promise<unknown>).then(undefined, () => undefined);
		}
	} catch {
		// The source is being abandoned; a failure to close it changes nothing for the reader.
	}
}

/**
 * Reads a source and yields the events completed by each chunk, as one array per chunk (chunks
 * that complete no event yield nothing): cheap for consumers that process many small events.
 * Stopping the iteration early (break/return/throw) closes the source.
 */
export async function* readSseBatches(
	source: SseSource,
	options: ReadSseOptions = {},
): AsyncGenerator<SseEvent[], void, undefined> {
	const { signal } = options;
	if (signal?.aborted) throw new SseAbortError(signal.reason);

	let batch: SseEvent[] = [];
	let overflow: ParseError | undefined;
	const parser = createParser({
		onEvent: (message: EventSourceMessage) => {
			batch.push(message);
		},
		onComment: options.onComment,
		onRetry: options.onRetry,
		onError: (error: ParseError) => {
			if (error.type === 'max-buffer-size-exceeded') overflow = error;
			else options.onParseError?.(error);
		},
		maxBufferSize: options.maxBufferSize,
	});

	const decoder = new TextDecoder('utf-8');
	let sawBytes = false;
	// Line endings are normalised to LF before parsing (CR and CRLF are single terminators, like
	// LF, and cannot occur inside a field). eventsource-parser holds back a CR that ends a chunk
	// until a later chunk brings a line break, so a CR-only stream could otherwise deliver an event
	// late or, at the end of the stream, not at all. A CR ending one chunk followed by an LF
	// starting the next is one CRLF: `skipLf` drops that LF.
	let skipLf = false;
	const normalise = (text: string): string => {
		if (skipLf && text.charCodeAt(0) === 10) text = text.slice(1);
		skipLf = false;
		if (text.indexOf('\r') === -1) return text;
		skipLf = text.charCodeAt(text.length - 1) === 13;
		return text.replace(CR_LINE_BREAK, '\n');
	};
	const feed = (text: string): void => {
		if (text.length > 0) parser.feed(text);
	};
	// The events parsed since the last batch (throws when one grew past the buffer bound).
	const takeBatch = (): SseEvent[] => {
		if (overflow) throw new SseBufferOverflowError(overflow.message);
		const out = batch;
		batch = [];
		return out;
	};

	// A string or a Buffer is itself iterable (by character / by byte): treat it as one chunk.
	const chunks: AsyncIterable<SseChunk> | Iterable<SseChunk> =
		typeof source === 'string' || source instanceof Uint8Array ? [source] : source;
	const iterator: AsyncIterator<SseChunk> | Iterator<SseChunk> =
		Symbol.asyncIterator in chunks
			? (chunks as AsyncIterable<SseChunk>)[Symbol.asyncIterator]()
			: (chunks as Iterable<SseChunk>)[Symbol.iterator]();

	let aborted: Promise<never> | undefined;
	let detach: (() => void) | undefined;
	if (signal) {
		aborted = new Promise<never>((_resolve, reject) => {
			const onAbort = () => reject(new SseAbortError(signal.reason));
			signal.addEventListener('abort', onAbort, { once: true });
			detach = () => signal.removeEventListener('abort', onAbort);
		});
		// The rejection is observed through Promise.race; this keeps it from being reported as unhandled.
		aborted.catch(() => undefined);
	}

	let exhausted = false;
	try {
		for (;;) {
			const step = aborted ? await Promise.race([iterator.next(), aborted]) : await iterator.next();
			if (step.done) {
				exhausted = true;
				break;
			}
			const chunk = step.value;
			let text: string;
			if (typeof chunk === 'string') {
				// Flush bytes held back from an earlier binary chunk before switching to text.
				text = sawBytes ? decoder.decode() + chunk : chunk;
				sawBytes = false;
			} else {
				text = decoder.decode(chunk, { stream: true });
				sawBytes = true;
			}
			if (text.length > 0) feed(normalise(text));
			const events = takeBatch();
			if (events.length > 0) yield events;
			if (signal?.aborted) throw new SseAbortError(signal.reason);
		}
		const tail = sawBytes ? decoder.decode() : '';
		if (tail.length > 0) feed(normalise(tail));
		const events = takeBatch();
		if (events.length > 0) yield events;
	} finally {
		detach?.();
		if (!exhausted) closeQuietly(iterator as Closable);
	}
}

/** True when a Content-Type header value names an event stream. */
export function isEventStreamContentType(contentType: unknown): boolean {
	const value = Array.isArray(contentType) ? contentType[0] : contentType;
	return typeof value === 'string' && /^\s*text\/event-stream\b/i.test(value);
}

/**
 * True when a body's first characters look like an SSE stream (a `data:`, `event:`, `id:`,
 * `retry:` field or a comment) rather than JSON.
 */
export function looksLikeEventStream(text: string): boolean {
	const start = text
		.replace(/^\uFEFF/, '')
		.trimStart()
		.slice(0, 8);
	return /^(data|event|id|retry)\s*:|^:/.test(start);
}
