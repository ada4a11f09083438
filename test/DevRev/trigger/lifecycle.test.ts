import { allText, useSimulator } from '../../helpers';
import { devRevTrigger, devrev, matchesSchema, resetWebhooks, schemas } from './kit';

const ctx = useSimulator('devrev');
beforeEach(() => resetWebhooks(ctx.sim));

describe('DevRev Trigger: its webhook, registered when the workflow is activated', () => {
	test('activate: webhooks.create with this URL, the events and a generated secret; verified by the handshake', async () => {
		const trigger = await devRevTrigger(ctx.sim);
		try {
			expect(await trigger.hook('create')).toBe(true);
			const [request] = ctx.sim.calls('POST', '/webhooks.create');
			expect(request.rejected).toBeUndefined();
			expect(request.body.url).toBe(trigger.server.url);
			expect(request.body.event_types).toEqual(['timeline_entry_created']);
			// base64 of 24 random bytes (DevRev takes 8 to 32)
			expect(Buffer.from(request.body.secret, 'base64')).toHaveLength(24);
			expect(matchesSchema(schemas.webhooksCreate.body, request.body)).toBe(true);

			const node = trigger.node();
			expect(node.webhookSecret).toBe(request.body.secret);
			expect(node.webhookId).toBe(trigger.webhook()?.id);
			expect(node.ownUserId).toBe(devrev.ME.id);
			// the handshake reached the trigger, was answered, and started nothing
			expect(trigger.webhook()?.status).toBe('active');
			const [hit] = trigger.server.hits;
			expect(trigger.server.hits).toHaveLength(1);
			expect(hit.status).toBe(200);
			expect(hit.run).toBeUndefined();
			const verify = ctx.sim.state.webhookCalls[0];
			expect(verify.type).toBe('verify');
			expect(JSON.parse(hit.responseBody)).toEqual({
				challenge: expect.any(String),
			});
			expect(matchesSchema(schemas.webhookEvent.response, JSON.parse(hit.responseBody))).toBe(true);
			// the secret is in static data only: not in the handshake's answer
			expect(hit.responseBody).not.toContain(String(node.webhookSecret));
		} finally {
			await trigger.stop();
		}
	});

	test('checkExists: true while the webhook is there; the chosen events are brought up to date', async () => {
		const trigger = await devRevTrigger(ctx.sim);
		try {
			await trigger.hook('create');
			expect(await trigger.hook('checkExists')).toBe(true);
			expect(ctx.sim.calls('GET', '/webhooks.get')[0].query).toEqual({
				id: trigger.node().webhookId,
			});
			expect(ctx.sim.calls('POST', '/webhooks.update')).toHaveLength(0);

			expect(
				await trigger.hook('checkExists', {
					events: ['timeline_entry_created', 'conversation_created'],
				}),
			).toBe(true);
			const [update] = ctx.sim.calls('POST', '/webhooks.update');
			expect(update.rejected).toBeUndefined();
			expect(update.body).toEqual({
				id: trigger.node().webhookId,
				event_types: { set: ['conversation_created', 'timeline_entry_created'] },
			});
			expect(trigger.webhook()?.event_types).toEqual([
				'conversation_created',
				'timeline_entry_created',
			]);
		} finally {
			await trigger.stop();
		}
	});

	test('deactivate: webhooks.delete, and the static data is cleared', async () => {
		const trigger = await devRevTrigger(ctx.sim);
		try {
			await trigger.hook('create');
			const id = trigger.node().webhookId;
			expect(await trigger.hook('delete')).toBe(true);
			expect(ctx.sim.calls('POST', '/webhooks.delete').map((r) => r.body)).toEqual([{ id }]);
			expect(ctx.sim.state.webhooks).toHaveLength(0);
			expect(trigger.node()).toEqual({});
			expect(await trigger.hook('checkExists')).toBe(false);
		} finally {
			await trigger.stop();
		}
	});

	test('a webhook deleted in DevRev: checkExists false, and delete still succeeds (404 counts as deleted)', async () => {
		const trigger = await devRevTrigger(ctx.sim);
		try {
			await trigger.hook('create');
			const id = trigger.node().webhookId;
			ctx.sim.state.webhooks = [];
			expect(await trigger.hook('checkExists')).toBe(false);
			expect(trigger.node().webhookId).toBeUndefined();
			expect(trigger.node().webhookSecret).toBeUndefined();

			await trigger.hook('create');
			ctx.sim.state.webhooks = [];
			expect(await trigger.hook('delete')).toBe(true);
			const deletes = ctx.sim.calls('POST', '/webhooks.delete');
			expect(deletes).toHaveLength(1);
			expect(deletes[0].body.id).not.toBe(id);
			expect(trigger.node()).toEqual({});
		} finally {
			await trigger.stop();
		}
	});

	test('a webhook deactivated in DevRev is replaced: checkExists deletes it and answers false', async () => {
		const trigger = await devRevTrigger(ctx.sim);
		try {
			await trigger.hook('create');
			trigger.webhook()!.status = 'inactive';
			const id = trigger.node().webhookId;
			expect(await trigger.hook('checkExists')).toBe(false);
			expect(ctx.sim.calls('POST', '/webhooks.delete').map((r) => r.body)).toEqual([{ id }]);
		} finally {
			await trigger.stop();
		}
	});

	test('a webhook pointing at another URL (the workflow moved) is replaced: deleted, checkExists false', async () => {
		const trigger = await devRevTrigger(ctx.sim);
		try {
			await trigger.hook('create');
			const id = trigger.node().webhookId;
			trigger.webhook()!.url = 'http://127.0.0.1:9/webhook/old/devrev';
			expect(await trigger.hook('checkExists')).toBe(false);
			expect(ctx.sim.calls('POST', '/webhooks.delete').map((r) => r.body)).toEqual([{ id }]);
			expect(trigger.node().webhookId).toBeUndefined();
		} finally {
			await trigger.stop();
		}
	});

	test('the simulator refuses event_types with both set and add (webhooks-update-request-event-types)', async () => {
		const response = await fetch(`${ctx.sim.baseUrl}/webhooks.update`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${devrev.TOKEN}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({
				id: 'don:integration:dvrv-us-1:devo/0:webhook/1',
				event_types: { set: ['work_created'], add: ['work_updated'] },
			}),
		});
		expect(response.status).toBe(400);
	});

	test('no event chosen: a clear error naming Events, before any request', async () => {
		const trigger = await devRevTrigger(ctx.sim, { events: [] });
		try {
			await expect(trigger.hook('create')).rejects.toThrow(/^Events: choose at least one/);
			expect(ctx.sim.requests).toHaveLength(0);
		} finally {
			await trigger.stop();
		}
	});

	test("DevRev's error on create: NodeApiError through the transport, without the secret, nothing kept", async () => {
		const trigger = await devRevTrigger(ctx.sim);
		try {
			ctx.sim.fault(
				{ method: 'POST', path: '/webhooks.create' },
				{ status: 403, message: 'Forbidden' },
			);
			const error = await trigger.hook('create').catch((e: Error) => e);
			expect((error as Error).constructor.name).toBe('NodeApiError');
			expect((error as { httpCode?: string }).httpCode).toBe('403');
			const secret = ctx.sim.calls('POST', '/webhooks.create')[0].body.secret;
			expect(allText(error)).not.toContain(secret);
			expect(trigger.node()).toEqual({});
		} finally {
			await trigger.stop();
		}
	});

	test('the simulator marks a webhook unverified when the endpoint does not echo the challenge', async () => {
		const response = await fetch(`${ctx.sim.baseUrl}/webhooks.create`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${devrev.TOKEN}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({ url: 'http://127.0.0.1:9/nothing', event_types: ['work_created'] }),
		});
		expect(response.status).toBe(201);
		const { webhook } = (await response.json()) as { webhook: { status: string } };
		expect(webhook.status).toBe('unverified');
		expect(matchesSchema(schemas.webhooksCreate.response, { webhook })).toBe(true);
	});
});
