/**
 * Waiting before a retry: the transport's retry policy, how long a provider asks to wait
 * (Retry-After, retry_after, X-RateLimit-Reset), and a sleep that a cancelled execution ends.
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

export interface RetryPolicy {
	/** How many times a 429 is retried before giving up. */
	maxRetries: number;
	/** The most the transport will wait in all for one request, in milliseconds. */
	maxTotalWaitMs: number;
	/** Wait used when the provider says nothing about when to retry a 429 (doubling per attempt). */
	fallbackWaitMs: number;
	/** First backoff after a transient failure of an idempotent call (doubling per attempt). */
	transientWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxRetries: 3,
	maxTotalWaitMs: 60_000,
	fallbackWaitMs: 1_000,
	transientWaitMs: 250,
};

const SLEEP_SLICE_MS = 100;
/** One response header's value, whatever the case of its name; the first when repeated. */
export function headerValue(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (value === undefined || value === null) return undefined;
	return Array.isArray(value) ? String(value[0]) : String(value);
}

/**
 * How long the provider asks us to wait before retrying, in milliseconds.
 * Understands `Retry-After` (seconds or HTTP date), a `retry_after` body field (seconds)
 * and `X-RateLimit-Reset` (epoch seconds, epoch milliseconds or seconds from now).
 */
export function retryAfterMs(
	headers: IDataObject,
	body: unknown,
	now = Date.now(),
): number | undefined {
	const retryAfter = headerValue(headers, 'retry-after');
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
		const value = (body as IDataObject).retry_after;
		const seconds = typeof value === 'string' ? Number(value) : value;
		if (typeof seconds === 'number' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	}
	const reset = headerValue(headers, 'x-ratelimit-reset');
	if (reset !== undefined) {
		const value = Number(reset);
		if (Number.isFinite(value)) {
			if (value > 1e12) return Math.max(0, value - now);
			if (value > 1e9) return Math.max(0, value * 1000 - now);
			return Math.max(0, value * 1000);
		}
	}
	return undefined;
}

/** The error a cancelled execution's wait or request ends with. */
export function abortError(): Error {
	const error = new Error('The execution was cancelled');
	error.name = 'AbortError';
	return error;
}

/** Sleep that ends early (with an AbortError) when the signal fires. No timers outlive it by more than a slice. */
export async function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (signal?.aborted) throw abortError();
		await sleep(Math.min(SLEEP_SLICE_MS, Math.max(0, deadline - Date.now())));
	}
	if (signal?.aborted) throw abortError();
}
