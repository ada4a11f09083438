import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { useSimulator } from '../../helpers';
import { eventRule, gr, gravityTrigger, post, resetEventRules, signedCall } from '../kit';

const ctx = useSimulator('gravityrail');
beforeEach(async () => await resetEventRules(ctx.sim));

type Call = {
	attempt: number;
	status?: number;
	body: string;
	headers: Record<string, string>;
	responseBody?: string;
	at: number;
};
const started = (hits: Array<{ items?: unknown[] }>) => hits.filter((h) => h.items).length;

/**
 * A server in front of `target` (or none) that answers the first `lose` calls with `status`
 * whatever happened behind it, as when Gravity Rail does not get n8n's answer in time.
 */
async function inFront(target: string | undefined, lose: number, status = 504) {
	let seen = 0;
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			void (async () => {
				seen += 1;
				let answer = { status, text: '' };
				if (target) {
					const response = await fetch(target, {
						method: 'POST',
						headers: req.headers as Record<string, string>,
						body: Buffer.concat(chunks),
					});
					answer = { status: response.status, text: await response.text() };
				}
				if (seen <= lose) answer = { status, text: '' };
				res.writeHead(answer.status, { 'content-type': 'application/json' });
				res.end(answer.text);
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		stop: async () =>
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

describe("Gravity Rail's retries (the simulator)", () => {
	test('a failing endpoint gets 5 attempts of the same bytes, each spaced twice the last', async () => {
		ctx.sim.state.webhookRetry = { delayMs: 20 };
		const front = await inFront(undefined, Infinity, 500);
		try {
			eventRule(ctx.sim, front);
			gr.emitEvent(ctx.sim.state, 'member:created', { member: { id: 12 } });
			const calls: Call[] = await gr.webhooksSettled(ctx.sim.state);
			expect(calls.map((c) => [c.attempt, c.status])).toEqual([
				[1, 500],
				[2, 500],
				[3, 500],
				[4, 500],
				[5, 500],
			]);
			expect(new Set(calls.map((c) => c.body)).size).toBe(1);
			expect(new Set(calls.map((c) => c.headers['x-webhook-signature'])).size).toBe(1);
			const gaps = calls.slice(1).map((c, k) => c.at - calls[k].at);
			[20, 40, 80, 160].forEach((least, k) => expect(gaps[k]).toBeGreaterThanOrEqual(least - 2));
		} finally {
			await front.stop();
		}
	});

	test("Gravity Rail's schedule is 5 attempts starting 10 s apart", () => {
		expect(gr.RETRY).toEqual({
			attempts: 5,
			delayMs: 10_000,
		});
	});
});

describe('Gravity Rail Trigger: once per delivery', () => {
	test('a retry of a delivery that had started the workflow starts nothing (workflow static data)', async () => {
		const server = await gravityTrigger();
		const front = await inFront(server.url, 1);
		try {
			eventRule(ctx.sim, front);
			gr.emitEvent(ctx.sim.state, 'member:created', { member: { id: 12 } });
			const calls: Call[] = await gr.webhooksSettled(ctx.sim.state);
			expect(calls.map((c) => c.status)).toEqual([504, 200]);
			expect(calls[1].body).toBe(calls[0].body);
			expect(JSON.parse(calls[1].responseBody!)).toEqual({
				received: true,
				started: false,
				reason: 'duplicate',
				event: 'member:created',
			});
			const hits = await server.waitForHits(2);
			expect(started(hits)).toBe(1);
			// another event still starts it
			gr.emitEvent(ctx.sim.state, 'member:created', { member: { id: 13 } });
			expect(started(await server.waitForHits(3))).toBe(2);
			await gr.webhooksSettled(ctx.sim.state);
		} finally {
			await front.stop();
			await server.stop();
		}
	});

	test('the same signed call twice: one execution; the same body signed at another time: two', async () => {
		const server = await gravityTrigger();
		try {
			const now = Math.floor(Date.now() / 1000);
			const call = signedCall({ event: 'data_record:created', dataRecord: { id: 1 } }, { t: now });
			const later = signedCall(
				{ event: 'data_record:created', dataRecord: { id: 1 } },
				{ t: now - 5 },
			);
			expect((await post(server.url, call.body, call.signature)).status).toBe(200);
			expect(await (await post(server.url, call.body, call.signature)).json()).toMatchObject({
				reason: 'duplicate',
			});
			expect((await post(server.url, later.body, later.signature)).status).toBe(200);
			expect(started(await server.waitForHits(3))).toBe(2);
		} finally {
			await server.stop();
		}
	});

	test('a delivery ID in the body, where there is one, is the key: a re-signed retry starts nothing', async () => {
		const server = await gravityTrigger();
		try {
			const now = Math.floor(Date.now() / 1000);
			const body = { event: 'member:updated', deliveryId: 'dlv-1', member: { id: 12 } };
			const first = signedCall(body, { t: now - 20 });
			const again = signedCall(body, { t: now });
			const other = signedCall({ ...body, deliveryId: 'dlv-2' }, { t: now });
			await post(server.url, first.body, first.signature);
			await post(server.url, again.body, again.signature);
			await post(server.url, other.body, other.signature);
			const hits = await server.waitForHits(3);
			expect(hits.map((h) => Boolean(h.items))).toEqual([true, false, true]);
		} finally {
			await server.stop();
		}
	});

	test('unsigned calls without a delivery ID cannot be told apart: each starts the workflow', async () => {
		const server = await gravityTrigger({}, { secret: '', requireSignature: false });
		try {
			const { body } = signedCall({ event: 'member:created', member: { id: 12 } });
			await post(server.url, body);
			await post(server.url, body);
			expect(started(await server.waitForHits(2))).toBe(2);
		} finally {
			await server.stop();
		}
	});

	test('a refused call is not remembered: the right signature afterwards still starts', async () => {
		const server = await gravityTrigger();
		try {
			const call = signedCall({ event: 'member:created' });
			const [t] = call.signature.split(',');
			expect((await post(server.url, call.body, `${t},v1=${'0'.repeat(64)}`)).status).toBe(401);
			expect((await post(server.url, call.body, call.signature)).status).toBe(200);
			expect(started(await server.waitForHits(2))).toBe(1);
		} finally {
			await server.stop();
		}
	});
});

describe("the simulator's own routes (for the demo and other processes)", () => {
	test('POST /sim/event-rules, POST /sim/events, GET /sim/webhook-calls, without an API key', async () => {
		const server = await gravityTrigger({}, { secret: '', requireSignature: false });
		const sim = async (method: string, path: string, body?: unknown) => {
			const response = await fetch(`${ctx.sim.baseUrl}${path}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return {
				status: response.status,
				body: (await response.json()) as { id: number; secret: string | null; calls: Call[] },
			};
		};
		try {
			const signed = await sim('POST', '/sim/event-rules', {
				url: server.url,
				events: ['member:created'],
			});
			expect(signed).toEqual({
				status: 201,
				body: { id: expect.any(Number), uuid: expect.any(String), secret: expect.any(String) },
			});
			const unsigned = await sim('POST', '/sim/event-rules', { url: server.url, signed: false });
			expect(unsigned.body.secret).toBeNull();
			expect((await sim('POST', '/sim/event-rules', { secret: 'x' })).status).toBe(400);

			expect(await sim('POST', '/sim/events', { event: 'member:created' })).toEqual({
				status: 202,
				body: { rules: 2 },
			});
			expect(
				await sim('POST', '/sim/events', { event: 'chat:created', ruleId: unsigned.body.id }),
			).toEqual({ status: 202, body: { rules: 1 } });
			expect((await sim('POST', '/sim/events', { event: 'x', ruleId: 99999 })).status).toBe(404);
			await gr.webhooksSettled(ctx.sim.state);
			const { body } = await sim('GET', '/sim/webhook-calls');
			// no secret in the credential and Require Signature off: a signature cannot be checked
			expect(
				(body.calls as Array<Call & { ruleId: number }>).map((c) => [c.ruleId, c.status]).sort(),
			).toEqual(
				[
					[signed.body.id, 200],
					[unsigned.body.id, 200],
					[unsigned.body.id, 200],
				].sort(),
			);
		} finally {
			await server.stop();
		}
	});
});
