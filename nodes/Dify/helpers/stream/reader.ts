/**
 * The reader: turns a stream of Server-Sent Events, read incrementally, into one output item
 * through {@link DifyStreamAggregator}, also across a stream Dify reopened after a break.
 */
import type { IDataObject } from 'n8n-workflow';

import { readSseBatches, SseAbortError } from '../../../common/sse';
import type { SseEvent, SseSource } from '../../../common/sse';
import { DifyStreamAggregator } from './aggregator';
import type { AggregateDifyStreamOptions, DifyAggregateResult, DifyErrorInfo } from './interfaces';
import { DEFAULT_MAX_EVENT_CHARS, DIFY_STREAM_ERROR_CODES } from './interfaces';
import { fingerprint, identityOf } from './replay';
import { objectOrUndefined, textOf } from './values';

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

export function errorMessage(error: unknown): string {
	if (error instanceof Error && error.message) return error.message;
	return textOf(error) || 'unknown error';
}

/** Characters as the node's options give them: in MB (2^20 characters). */
export function megabytes(chars: number): string {
	return `${Number((chars / 1048576).toFixed(2))} MB`;
}

/** The failure of a reply that grew past the node's Max Answer Size. */
export function answerTooLarge(maxChars: number): DifyErrorInfo {
	return {
		status: 413,
		code: DIFY_STREAM_ERROR_CODES.answerTooLarge,
		message: `Dify's reply grew past the node's Max Answer Size (${megabytes(maxChars)}), so the node stopped reading it`,
	};
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

	constructor(readonly options: AggregateDifyStreamOptions = {}) {
		this.aggregator = new DifyStreamAggregator(options);
	}

	/** Ends the reply as failed with `error` (a bound was reached): final, not reopened. */
	stop(error: DifyErrorInfo): void {
		this.aggregator.stop(error);
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
		const { onAnswerChunk, onAnswerReplaced, maxAnswerChars } = this.options;
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
					const sniffed = sniffType(raw.data);
					// A replayed event is recognised from its raw text (its type and size), unparsed.
					if (replayIndex >= 0 && replayIndex < this.seenCount) {
						if (
							sniffed !== undefined &&
							this.seen[replayIndex] === fingerprint(sniffed, raw.data.length)
						) {
							replayIndex++;
							continue;
						}
					}
					// An answer chunk is read without JSON.parse when that is exact (quick.ts); its
					// type is then the sniffed one, and it has no identity and no workflow_run_id
					// news for `remembering`.
					let type: string;
					let text: string | undefined;
					let event: IDataObject | null = null;
					if (sniffed !== undefined && raw.event !== 'ping')
						text = this.aggregator.pushChunk(sniffed, raw.data, !this.remembering);
					if (text !== undefined) {
						type = sniffed!;
						// a replay is matched by the same fingerprint before parsing (above)
						replayIndex = -1;
						if (this.remembering) this.remember(type, raw.data.length, undefined);
					} else {
						event = parseDifyEvent(raw);
						if (event === null) continue;
						type = event.event as string;
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
						if (this.remembering) this.remember(type, raw.data.length, identity);
						text = this.aggregator.push(event, raw.data.length);
					}
					if (maxAnswerChars !== undefined && this.aggregator.size > maxAnswerChars) {
						this.aggregator.stop(answerTooLarge(maxAnswerChars));
						break reading;
					}
					// With `continue_on_pause` Dify keeps the stream open at the next pause, waiting
					// for someone to answer it: a pause that asked for a form ends this item's reading.
					if (type === 'workflow_paused' && this.aggregator.formRequests > formsAtStart) {
						break reading;
					}
					try {
						if (text.length > 0 && onAnswerChunk) await onAnswerChunk(text);
						if (type === 'message_replace' && onAnswerReplaced) {
							await onAnswerReplaced(textOf(event?.answer));
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

	/** Notes an event read (its fingerprint, and its identity when it has one) for a reopened stream. */
	private remember(type: string, size: number, identity: string | undefined): void {
		if (this.seenCount === this.seen.length) {
			const grown = new Float64Array(this.seen.length * 2);
			grown.set(this.seen);
			this.seen = grown;
		}
		this.seen[this.seenCount++] = fingerprint(type, size);
		if (identity !== undefined) this.seenIdentities.add(identity);
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
