/**
 * The total time one reply may take (the node's Max Duration), as a signal that fires when it is
 * up: the node's Timeout only bounds each silence, so a stream that keeps sending (pings, a slow
 * drip) would otherwise never end. No timer outlives `clear()` by more than one sleep slice.
 */
import { abortableSleep } from '../../../common/retry';

export class ReplyDeadline {
	private readonly expiry = new AbortController();
	private readonly stopWatching = new AbortController();

	constructor(readonly ms: number) {
		abortableSleep(ms, this.stopWatching.signal).then(
			() => this.expiry.abort(new Error(`The reply took longer than ${ms} ms`)),
			() => undefined,
		);
	}

	/** Fires when the time is up. */
	get signal(): AbortSignal {
		return this.expiry.signal;
	}

	get expired(): boolean {
		return this.expiry.signal.aborted;
	}

	/** Fires when the time is up or `other` fires (the execution's cancel signal). */
	or(other: AbortSignal | undefined): AbortSignal {
		return other ? AbortSignal.any([other, this.expiry.signal]) : this.expiry.signal;
	}

	/**
	 * The promise's value, or a rejection once the time is up (n8n's request helper binds only the
	 * execution's own signal, so a request that has not answered yet cannot be aborted). A value
	 * that arrives after that is handed to `discard` (to close its body).
	 */
	async race<T>(promise: Promise<T>, discard: (value: T) => void): Promise<T> {
		if (this.expired) {
			promise.then(discard, () => undefined);
			throw this.expiry.signal.reason;
		}
		let onExpiry = () => {};
		const expiry = new Promise<never>((_resolve, reject) => {
			onExpiry = () => reject(this.expiry.signal.reason);
			this.expiry.signal.addEventListener('abort', onExpiry, { once: true });
		});
		let answered = false;
		try {
			return await Promise.race([
				promise.then((value) => {
					answered = true;
					return value;
				}),
				expiry,
			]);
		} finally {
			this.expiry.signal.removeEventListener('abort', onExpiry);
			if (!answered) promise.then(discard, () => undefined);
		}
	}

	/** Stops watching the clock (the reply ended). */
	clear(): void {
		this.stopWatching.abort();
	}
}
