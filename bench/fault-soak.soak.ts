/**
 * Fault soak: 5,000 items at Concurrency 32 through n8n-core's engine (ClickUp Chat → Message →
 * Create) to the simulator, which answers at random (seeded) with 429 (Retry-After 0–1 s), 500,
 * connection resets before and after the headers, and stalls past the node's Timeout. Proves that
 * nothing is lost: every input item comes out exactly once (its message, or an error item with its
 * code), `pairedItem` right on every one, every error accounted for by a fault the simulator drew,
 * no unhandled rejection, no timer or socket left open, and peak memory within a printed bound.
 *
 *   npm run soak                      (SOAK_ITEMS, SOAK_SEED to vary)
 */
import type { IDataObject } from 'n8n-workflow';

import { ClickUpChatApi } from '../credentials/ClickUpChatApi.credentials';
import { ClickUpChat } from '../nodes/ClickUpChat/ClickUpChat.node';
import { DEFAULT_RETRY } from '../nodes/common/retry';
import { runNode } from '../test/engine/harness';
import { providers, useSimulator } from '../test/helpers';

const ITEMS = Number(process.env.SOAK_ITEMS || 5000);
const SEED = Number(process.env.SOAK_SEED || 20261201);
const CONCURRENCY = 32;
const TIMEOUT_MS = 400;
const STALL_MS = 1500;
const RATES = {
	rateLimit: 0.04,
	serverError: 0.02,
	resetBeforeHeaders: 0.015,
	resetAfterHeaders: 0.015,
	stall: 0.005,
};
/** Heap growth allowed over the run: 5,000 items measured 167 MB here (n8n keeps every item's run data). */
const HEAP_BOUND_MB = 400;

const clickup = providers.clickup;
const ctx = useSimulator('clickup');

function activeHandles(): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
	return counts;
}

test(`${ITEMS} items, Concurrency ${CONCURRENCY}, random faults: nothing lost`, async () => {
	const credentials = { clickUpChatApi: { accessToken: clickup.TOKEN, baseUrl: ctx.sim.baseUrl } };
	const node = new ClickUpChat();
	const workspaceId = { __rl: true, mode: 'id', value: '9012345678' };
	const dm = await runNode({
		node,
		credentialTypes: [new ClickUpChatApi()],
		credentials,
		parameters: {
			resource: 'channel',
			operation: 'createDirectMessage',
			workspaceId,
			userIds: '183',
		},
	});
	const channelId = String(dm.items[0].json.id ?? (dm.items[0].json.data as IDataObject).id);

	const unhandled: unknown[] = [];
	const onUnhandled = (reason: unknown) => unhandled.push(reason);
	process.on('unhandledRejection', onUnhandled);
	const before = activeHandles();
	const heapStart = process.memoryUsage().heapUsed;
	let heapPeak = heapStart;
	const sampler = setInterval(() => {
		heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
	}, 50);

	ctx.sim.reset();
	ctx.sim.randomFaults({ seed: SEED, match: { method: 'POST' }, stallMs: STALL_MS, rates: RATES });
	const started = Date.now();
	const result = await runNode({
		node,
		credentialTypes: [new ClickUpChatApi()],
		credentials,
		parameters: {
			resource: 'message',
			operation: 'send',
			workspaceId,
			channelId,
			content: '={{ "soak #" + $json.n }}',
			options: { concurrency: CONCURRENCY, timeout: TIMEOUT_MS },
		},
		items: Array.from({ length: ITEMS }, (_, n) => ({ n })),
		continueOnFail: true,
	});
	const seconds = (Date.now() - started) / 1000;
	ctx.sim.randomFaults(null);
	clearInterval(sampler);
	heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
	await ctx.sim.stop();
	await new Promise((resolve) => setImmediate(resolve));
	const after = activeHandles();
	process.off('unhandledRejection', onUnhandled);

	// what the simulator drew, per kind; the requests that got a normal answer
	const drawn: Record<string, number> = {};
	for (const request of ctx.sim.requests) {
		const kind = request.randomFault ?? 'none';
		drawn[kind] = (drawn[kind] ?? 0) + 1;
	}
	const items = result.items;
	const errors = items.filter((item) => item.json.error !== undefined);
	const byCode: Record<string, number> = {};
	for (const item of errors) {
		const key = String(item.json.code ?? `HTTP ${item.json.httpCode}`);
		byCode[key] = (byCode[key] ?? 0) + 1;
	}
	const heapGrowthMb = (heapPeak - heapStart) / 1024 / 1024;
	console.log(
		[
			`soak: ${ITEMS} items, concurrency ${CONCURRENCY}, seed ${SEED}: ${seconds.toFixed(1)} s`,
			`  requests ${ctx.sim.requests.length}; faults drawn ${JSON.stringify(drawn)}`,
			`  results ${items.length - errors.length}, error items ${errors.length} ${JSON.stringify(byCode)}`,
			`  peak heap growth ${heapGrowthMb.toFixed(1)} MB (bound ${HEAP_BOUND_MB} MB)`,
			`  handles before ${JSON.stringify(before)} after ${JSON.stringify(after)}`,
		].join('\n'),
	);

	expect(result.error).toBeUndefined();
	// every input item exactly once, in order, paired with itself
	expect(items).toHaveLength(ITEMS);
	items.forEach((item, n) => expect(item.pairedItem).toEqual({ item: n }));
	for (const [n, item] of items.entries()) {
		if (item.json.error === undefined) {
			expect(item.json.content).toBe(`soak #${n}`);
		} else {
			expect(typeof item.json.retryable).toBe('boolean');
			expect(item.json.code ?? item.json.httpCode).toBeDefined();
		}
	}
	// creates are not retried after a 500, a reset or a timeout: each such draw is one error item
	expect(byCode['HTTP 500'] ?? 0).toBe(drawn.serverError ?? 0);
	const networkErrors = errors.filter(
		(item) => item.json.httpCode !== '500' && item.json.httpCode !== '429',
	).length;
	expect(networkErrors).toBe(
		(drawn.resetBeforeHeaders ?? 0) + (drawn.resetAfterHeaders ?? 0) + (drawn.stall ?? 0),
	);
	// a 429 is waited out and retried, at most maxRetries times: an item whose every attempt drew
	// a 429 (1 + maxRetries of them, about 1 run in 80 at these rates) ends as an HTTP 429 error
	// item, every other 429 became a retry; requests = items + 429s that were retried
	const attempts = new Map<string, string[]>();
	for (const request of ctx.sim.requests) {
		const content = String((request.body as IDataObject | undefined)?.content ?? '');
		attempts.set(content, [...(attempts.get(content) ?? []), request.randomFault ?? 'none']);
	}
	const exhausted = [...attempts.values()].filter(
		(faults) =>
			faults.length === DEFAULT_RETRY.maxRetries + 1 && faults.every((f) => f === 'rateLimit'),
	).length;
	expect(byCode['HTTP 429'] ?? 0).toBe(exhausted);
	expect(ctx.sim.requests.length).toBe(ITEMS + (drawn.rateLimit ?? 0) - exhausted);
	for (const faults of attempts.values())
		expect(faults.length).toBeLessThanOrEqual(DEFAULT_RETRY.maxRetries + 1);
	// every fault kind really happened in this run
	for (const kind of Object.keys(RATES)) expect(drawn[kind] ?? 0).toBeGreaterThan(0);
	// the messages the simulator stored are exactly the successful items
	expect(items.length - errors.length).toBe(drawn.none);

	expect(unhandled).toEqual([]);
	for (const kind of ['TCPSocketWrap', 'TCPServerWrap', 'Timeout']) {
		expect(after[kind] ?? 0).toBeLessThanOrEqual(before[kind] ?? 0);
	}
	expect(heapGrowthMb).toBeLessThan(HEAP_BOUND_MB);
});
