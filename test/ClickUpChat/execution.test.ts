/** How an execution runs the node: cancelled mid-request, items sent side by side in input order. */
import { nodeRunner, specs } from '../engine/nodes';
import { waitFor } from '../engine/webhook/request';
import { useSimulator } from '../helpers';
import { byId, WS } from './kit';

const ctx = useSimulator('clickup');
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'channel',
	operation: 'createDirectMessage',
	workspaceId: byId(WS),
});
const DM_PATH = `/api/v3/workspaces/${WS}/chat/channels/direct_message`;

describe('ClickUp Chat: the execution', () => {
	test('cancelling the execution aborts the request in flight', async () => {
		// the simulator answers only once the client gives up (or after a minute, past the test's time)
		ctx.sim.fault(
			{ method: 'POST', path: DM_PATH },
			{ stallMs: 60_000, status: 201, body: { data: {} } },
		);
		const result = await run(
			{ userIds: '1' },
			{
				onStarted: ({ cancel }) => {
					const poll = setInterval(() => {
						if (ctx.sim.calls('POST', DM_PATH).length > 0) {
							clearInterval(poll);
							cancel();
						}
					}, 10);
				},
			},
		);
		expect(result.status).toBe('canceled');
		// the request itself was aborted: the client hung up before the simulator answered (the
		// simulator hears of it a moment later; a request left open would keep it waiting a minute)
		const [call] = ctx.sim.calls('POST', DM_PATH);
		const gaveUpAt = await waitFor(
			() => call.clientGaveUpAt,
			5000,
			'the simulator to see the client hang up',
		);
		expect(gaveUpAt).toEqual(expect.any(Number));
		expect(result.items).toHaveLength(0);
	});

	test('concurrency runs items in parallel and keeps output order', async () => {
		// the first item is slowest: with concurrency the others finish first, yet output order follows input
		ctx.sim.fault(
			{ method: 'POST', path: DM_PATH },
			{ delayMs: 400, status: 201, body: { data: { id: 'slow' } } },
		);
		const items = Array.from({ length: 6 }, (_, i) => ({ ids: String(500 + i) }));
		const started = Date.now();
		const result = await run(
			{ userIds: '={{ $json.ids }}', options: { concurrency: 3 } },
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(result.items[0].json).toEqual({ id: 'slow', created: true });
		expect(result.items.slice(1).map((i) => i.json.members)).toEqual(
			items.slice(1).map((i) => ['42', i.ids].sort()),
		);
		// items 1..5 ran while item 0 was still waiting: they were all received before item 0 was answered
		const calls = ctx.sim.calls('POST', DM_PATH);
		expect(calls.filter((c) => c.at < calls[0].at + 400).length).toBeGreaterThanOrEqual(3);
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
