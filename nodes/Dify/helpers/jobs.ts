/**
 * Waiting for a job Dify runs in the background (annotation reply): poll its status with
 * backoff (0.25 s, doubling to at most 5 s) until it is done or the time limit is up. A cancelled
 * execution ends the wait at once.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { abortableSleep } from '../../common/retry';
import { cancelSignalOf } from '../../common/transport';

const FIRST_WAIT_MS = 250;
const MAX_WAIT_MS = 5_000;

export interface JobWait<T extends IDataObject> {
	/** Reads the job's status once. */
	poll: () => Promise<T>;
	/** Whether the job has ended (well or badly). */
	done: (status: T) => boolean;
	/** How long to wait in all, in milliseconds. */
	limitMs: number;
}

/** The job's last status, and whether it ended within the time limit. */
export async function waitForJob<T extends IDataObject>(
	ctx: IExecuteFunctions,
	wait: JobWait<T>,
): Promise<{ status: T; ended: boolean; waitedMs: number }> {
	const signal = cancelSignalOf(ctx);
	const started = Date.now();
	let pause = FIRST_WAIT_MS;
	for (;;) {
		const left = started + wait.limitMs - Date.now();
		await abortableSleep(Math.max(0, Math.min(pause, left)), signal);
		const status = await wait.poll();
		const waitedMs = Date.now() - started;
		if (wait.done(status)) return { status, ended: true, waitedMs };
		if (waitedMs >= wait.limitMs) return { status, ended: false, waitedMs };
		pause = Math.min(MAX_WAIT_MS, pause * 2);
	}
}
