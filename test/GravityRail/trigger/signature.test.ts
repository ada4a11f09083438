import { GravityRailTriggerApi } from '../../../credentials/GravityRailTriggerApi.credentials';
import { GravityRailTrigger } from '../../../nodes/GravityRail/GravityRailTrigger.node';
import { nodeRunner, specs } from '../../engine/nodes';
import { runWebhookMethod } from '../../engine/webhook';
import { allText, useSimulator } from '../../helpers';
import { WS, eventRule, gr, gravityTrigger, post, resetEventRules, signedCall } from '../kit';

const ctx = useSimulator('gravityrail');
beforeEach(async () => await resetEventRules(ctx.sim));
const run = nodeRunner(ctx, specs.gravityRail, {});

const SECRET = gr.TRIGGER_SECRET;
const refusedAll = (hits: Array<{ run?: unknown; result?: { workflowData?: unknown } }>) =>
	hits.every((h) => h.run === undefined && h.result?.workflowData === undefined);

describe('Gravity Rail Trigger: a signed Event Rule webhook', () => {
	test('an event delivered by the rule starts the workflow with the body and receivedAt', async () => {
		const server = await gravityTrigger();
		try {
			const rule = eventRule(ctx.sim, server);
			const before = Date.now();
			gr.emitEvent(ctx.sim.state, 'data_record:created', {
				dataRecord: { id: 4711, fields: { name: 'Intake form' } },
			});
			const [hit] = await server.waitForHits(1);
			expect(hit.status).toBe(200);
			expect(hit.items).toHaveLength(1);
			const { receivedAt, ...json } = hit.items![0].json;
			expect(json).toEqual({
				event: 'data_record:created',
				eventRule: { id: rule.id, uuid: rule.uuid, name: rule.name },
				workspace: { uuid: WS, name: gr.WORKSPACE.name },
				occurredAt: expect.any(String),
				dataRecord: { id: 4711, fields: { name: 'Intake form' } },
			});
			expect(Date.parse(String(receivedAt))).toBeGreaterThanOrEqual(before - 1000);
			// Gravity Rail is answered at once, with the acknowledgement alone
			const calls = await gr.webhooksSettled(ctx.sim.state);
			expect(calls.map((c: { status: number }) => c.status)).toEqual([200]);
			expect(JSON.parse(calls[0].responseBody)).toEqual({ received: true });
			expect(calls[0].headers['x-webhook-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
			// the secret is in no output
			expect(allText(hit.run)).not.toContain(SECRET);
			expect(allText(hit.items)).not.toContain(SECRET);
		} finally {
			await server.stop();
		}
	});

	test('a chat created through the Gravity Rail node is delivered to the rule (chat:created)', async () => {
		const server = await gravityTrigger({ events: ['chat'] });
		try {
			eventRule(ctx.sim, server, { events: ['chat:created'] });
			const created = await run({
				resource: 'chat',
				operation: 'create',
				channel: 'web-chat',
				additionalFields: {},
			});
			expect(created.error).toBeUndefined();
			const [hit] = await server.waitForHits(1);
			expect(hit.items![0].json).toMatchObject({
				event: 'chat:created',
				chat: { id: created.items[0].json.id },
			});
		} finally {
			await server.stop();
		}
	});

	test('a wrong signature, a missing header, a malformed header or another secret: 401, nothing starts', async () => {
		const server = await gravityTrigger();
		try {
			const good = signedCall({ event: 'member:created' });
			const other = signedCall({ event: 'member:created' }, { secret: `${SECRET}x` });
			const [, hex] = good.signature.split(',v1=');
			const flipped = `${good.signature.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}`;
			const responses = [
				await post(server.url, good.body, flipped),
				await post(server.url, good.body),
				await post(server.url, good.body, hex),
				await post(server.url, good.body, other.signature),
				// the body changed after signing
				await post(
					server.url,
					good.body.replace('member:created', 'member:deleted'),
					good.signature,
				),
			];
			expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
			expect(await responses[0].json()).toEqual({ error: 'Unauthorized' });
			expect(refusedAll(await server.waitForHits(5))).toBe(true);
			// the right one still starts it
			expect((await post(server.url, good.body, good.signature)).status).toBe(200);
			const hits = await server.waitForHits(6);
			expect(hits[5].items).toHaveLength(1);
		} finally {
			await server.stop();
		}
	});

	test('a signature older (or newer) than 5 minutes: 401, even with the right HMAC', async () => {
		const server = await gravityTrigger();
		try {
			const now = Math.floor(Date.now() / 1000);
			const stale = signedCall({ event: 'member:created' }, { t: now - 302 });
			const future = signedCall({ event: 'member:created' }, { t: now + 305 });
			const recent = signedCall({ event: 'member:created' }, { t: now - 240 });
			expect((await post(server.url, stale.body, stale.signature)).status).toBe(401);
			expect((await post(server.url, future.body, future.signature)).status).toBe(401);
			expect((await post(server.url, recent.body, recent.signature)).status).toBe(200);
			const hits = await server.waitForHits(3);
			expect(hits.filter((h) => h.items).length).toBe(1);
		} finally {
			await server.stop();
		}
	});

	test('a rule whose secret is not the credential’s gets 401 on every attempt, and retries', async () => {
		const server = await gravityTrigger();
		try {
			eventRule(ctx.sim, server, { secret: 'grwh_another_rules_secret_00000001' });
			gr.emitEvent(ctx.sim.state, 'member:created', { member: { id: 12 } });
			const calls = await gr.webhooksSettled(ctx.sim.state);
			expect(calls.map((c: { status: number }) => c.status)).toEqual([401, 401, 401, 401, 401]);
			expect(refusedAll(server.hits)).toBe(true);
		} finally {
			await server.stop();
		}
	});
});

describe('Gravity Rail Trigger: unsigned rules and Require Signature', () => {
	test('Require Signature on (the default): an unsigned rule is refused', async () => {
		const server = await gravityTrigger();
		try {
			eventRule(ctx.sim, server, { signed: false });
			gr.emitEvent(ctx.sim.state, 'member:created', { member: { id: 12 } });
			const calls = await gr.webhooksSettled(ctx.sim.state);
			expect(calls[0].headers['x-webhook-signature']).toBeUndefined();
			expect(calls[0].status).toBe(401);
			expect(refusedAll(server.hits)).toBe(true);
		} finally {
			await server.stop();
		}
	});

	test('Require Signature off, no secret: an unsigned call starts the workflow', async () => {
		const server = await gravityTrigger({}, { secret: '', requireSignature: false });
		try {
			eventRule(ctx.sim, server, { signed: false });
			gr.emitEvent(ctx.sim.state, 'member:created', { member: { id: 12 } });
			const [hit] = await server.waitForHits(1);
			expect(hit.status).toBe(200);
			expect(hit.items![0].json).toMatchObject({ event: 'member:created', member: { id: 12 } });
		} finally {
			await server.stop();
		}
	});

	test('Require Signature off with a secret: unsigned calls pass, a presented signature must verify', async () => {
		const server = await gravityTrigger({}, { secret: SECRET, requireSignature: false });
		try {
			const call = signedCall({ event: 'member:created' });
			const wrong = signedCall({ event: 'member:created' }, { secret: `${SECRET}x` });
			expect((await post(server.url, call.body)).status).toBe(200);
			expect((await post(server.url, call.body, wrong.signature)).status).toBe(401);
			expect((await post(server.url, call.body, call.signature)).status).toBe(200);
			const hits = await server.waitForHits(3);
			expect(hits.map((h) => Boolean(h.items))).toEqual([true, false, true]);
		} finally {
			await server.stop();
		}
	});

	test('Require Signature on without a usable secret: every call is refused and activation fails', async () => {
		const credential = { secret: 'short', requireSignature: true };
		const server = await gravityTrigger({}, credential);
		try {
			const call = signedCall({ event: 'member:created' }, { secret: 'short' });
			expect((await post(server.url, call.body, call.signature)).status).toBe(401);
		} finally {
			await server.stop();
		}
		const options = {
			node: new GravityRailTrigger(),
			parameters: { events: ['all'] },
			credentialTypes: [new GravityRailTriggerApi()],
		};
		for (const method of ['checkExists', 'create'] as const) {
			await expect(
				runWebhookMethod({
					...options,
					method,
					credentials: { gravityRailTriggerApi: credential },
				}),
			).rejects.toThrow(/at least 16 characters\); it has 5 characters/);
			await expect(
				runWebhookMethod({
					...options,
					method,
					activation: 'manual',
					credentials: { gravityRailTriggerApi: { secret: '', requireSignature: true } },
				}),
			).rejects.toThrow(/none is set/);
		}
		// a usable one activates, and so does an unsigned rule's credential
		await expect(
			runWebhookMethod({
				...options,
				method: 'create',
				credentials: { gravityRailTriggerApi: { secret: SECRET, requireSignature: true } },
			}),
		).resolves.toBe(true);
		await expect(
			runWebhookMethod({
				...options,
				method: 'create',
				credentials: { gravityRailTriggerApi: { secret: '', requireSignature: false } },
			}),
		).resolves.toBe(true);
	});

	test("the credential's Test button checks the secret locally and never echoes it", async () => {
		const test = new GravityRailTrigger().methods.credentialTest.gravityRailTriggerSecretTest;
		const check = async (data: Record<string, unknown>) =>
			await test.call(
				{} as never,
				{ id: '1', name: 'x', type: 'gravityRailTriggerApi', data } as never,
			);
		expect(await check({ secret: SECRET, requireSignature: true })).toMatchObject({ status: 'OK' });
		const short = await check({ secret: 'tooShortSecret', requireSignature: true });
		expect(short.status).toBe('Error');
		expect(short.message).not.toContain('tooShortSecret');
		const unsigned = await check({ secret: '', requireSignature: false });
		expect(unsigned).toEqual({
			status: 'OK',
			message: expect.stringMatching(/accepts unsigned calls/),
		});
		expect((await check({ secret: '', requireSignature: true })).status).toBe('Error');
	});
});

describe('Gravity Rail Trigger: the body', () => {
	test('a body over Max Body Size: 413, nothing starts', async () => {
		const server = await gravityTrigger({ options: { maxBodySizeKb: 1 } });
		try {
			const big = signedCall({ event: 'member:created', note: 'x'.repeat(1100) });
			const small = signedCall({ event: 'member:created', note: 'x'.repeat(100) });
			const response = await post(server.url, big.body, big.signature);
			expect(response.status).toBe(413);
			expect(await response.json()).toEqual({ error: 'Payload Too Large', maxBytes: 1024 });
			expect((await post(server.url, small.body, small.signature)).status).toBe(200);
			const hits = await server.waitForHits(2);
			expect(hits.map((h) => Boolean(h.items))).toEqual([false, true]);
		} finally {
			await server.stop();
		}
	});

	test('a signed body that is not a JSON object: 400, nothing starts', async () => {
		const server = await gravityTrigger();
		try {
			const t = Math.floor(Date.now() / 1000);
			// n8n itself refuses a JSON content type that does not parse: sent as text here
			for (const [text, type] of [
				['not json', 'text/plain'],
				['[1,2]', 'application/json'],
			]) {
				const response = await fetch(server.url, {
					method: 'POST',
					headers: { 'content-type': type, 'x-webhook-signature': gr.sign(SECRET, t, text) },
					body: text,
				});
				expect(response.status).toBe(400);
				expect(await response.json()).toEqual({
					error: 'Bad Request',
					message: 'The body must be a JSON object',
				});
			}
			expect(refusedAll(await server.waitForHits(2))).toBe(true);
		} finally {
			await server.stop();
		}
	});
});
