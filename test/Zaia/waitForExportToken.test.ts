/**
 * Export → Wait for the Export: the resume token is bound to each wait (a one-time value kept with
 * the execution), so a second wait of the node in the same execution — a loop, Retry On Fail —
 * never accepts the first wait's callback; and the token never appears in an error.
 */
import { NODE_NAME } from '../engine/harness';
import { nodeRunner, specs } from '../engine/nodes';
import { startWaitingServer } from '../engine/webhook';
import type { WaitingServer } from '../engine/webhook';
import { allText, useSimulator } from '../helpers';
import { EXPORT, resetCallbacks, zaia } from './kit';

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, {
	resource: 'chatMessage',
	operation: 'export',
	deliverTo: 'wait',
	rangeStart: '2025-02-15T00:00:00.000Z',
	additionalFields: { rangeEnd: '2025-04-01T00:00:00.000Z' },
	waitAmount: 1,
	waitUnit: 'hours',
});
const credentials = () => ({
	zaiaApi: {
		...specs.zaia.credentials(ctx.sim).zaiaApi,
		callbackSecret: 'callback-secret-0123456789abcdef',
	},
});

let waiting: WaitingServer;
beforeAll(async () => {
	waiting = await startWaitingServer();
});
afterAll(async () => waiting?.stop());
beforeEach(() => resetCallbacks(ctx.sim));

async function waitIn(executionId: string, order: number) {
	const result = await run(
		{},
		{
			credentials: credentials(),
			items: [{ order }],
			additionalData: { executionId, webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl },
		},
	);
	expect(result.status).toBe('waiting');
	return result;
}

const tokenOf = (url: string) => new URL(url).searchParams.get('zaiaToken');

describe('Zaia: Export → Wait for the Export, one token per wait', () => {
	test("a second wait of the node in the same execution gets a new token; the first wait's callback is refused", async () => {
		ctx.sim.state.callbackDelayMs = 300;
		const executionId = 'exec-loop-1';
		await waitIn(executionId, 1);
		const second = await waitIn(executionId, 2);
		// the execution now waits in the second run of the node (a loop, or the retry of a failed try)
		waiting.store(executionId, second, {
			credentialTypes: specs.zaia.credentialTypes,
			credentials: credentials(),
		});
		const [first, again] = ctx.sim.calls('POST', EXPORT).map((c) => c.body.callbackUrl as string);
		expect(tokenOf(first)).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(tokenOf(again)).not.toBe(tokenOf(first));

		const finished = await waiting.waitForFinish(executionId);
		expect(finished.status).toBe('success');
		const deadline = Date.now() + 3000;
		while (ctx.sim.state.callbacks.length < 2 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 10));
		const byUrl = Object.fromEntries(
			ctx.sim.state.callbacks.map((c: { url: string; status: number }) => [c.url, c.status]),
		);
		expect(byUrl).toEqual({ [first]: 401, [again]: 200 });
		const output = finished.data.resultData.runData[NODE_NAME].at(-1)!.data!.main[0]!;
		expect(output[0].json.callbackReceived).toBe(true);
		expect((output[0].json as { exportId: string }).exportId).toBe(
			[...ctx.sim.state.exports.values()].find(
				(j: { callbackUrl: string }) => j.callbackUrl === again,
			).id,
		);
	});

	test('Zaia echoing the callback URL in an error does not reveal the token', async () => {
		// the error body is built from what the node sent, as a server that echoes its input would
		let echoed = '';
		ctx.sim.fault(
			{ method: 'POST', path: EXPORT },
			{
				status: 400,
				get body() {
					echoed = String(ctx.sim.requests.at(-1)?.body?.callbackUrl ?? '');
					return zaia.errorBody(400, `callbackUrl ${echoed} is not reachable`, {
						enUs: `We could not reach ${encodeURIComponent(echoed)}.`,
					});
				},
			},
		);
		const result = await run(
			{},
			{
				credentials: credentials(),
				additionalData: {
					executionId: 'exec-echo-1',
					webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl,
				},
			},
		);
		expect(result.status).toBe('error');
		const token = tokenOf(echoed)!;
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(result.error?.message).toBe(
			`We could not reach ${encodeURIComponent(echoed).replace(token, '[redacted]')}.`,
		);
		expect(result.error?.description).toContain('[redacted] is not reachable');
		expect(allText(result.error)).not.toContain(token);
		expect(allText(result.run.data.resultData.runData)).not.toContain(token);
	});
});
