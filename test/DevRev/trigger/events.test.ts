import { useSimulator } from '../../helpers';
import type { Trigger } from './kit';
import { devRevTrigger, devrev, hooks, matchesSchema, resetWebhooks, schemas } from './kit';

const ctx = useSimulator('devrev');
beforeEach(() => resetWebhooks(ctx.sim));

/** A trigger whose webhook is registered and verified (the handshake is its first hit). */
async function activeTrigger(parameters: Record<string, unknown> = {}): Promise<Trigger> {
	const trigger = await devRevTrigger(ctx.sim, parameters);
	await trigger.hook('create');
	expect(trigger.webhook()?.status).toBe('active');
	return trigger;
}

async function simComment(object: string, body: string, createdBy?: number | string) {
	const response = await fetch(`${ctx.sim.baseUrl}/sim/timeline-comments`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ object, body, created_by: createdBy }),
	});
	expect(response.status).toBe(201);
	return ((await response.json()) as { timeline_entry: { id: string } }).timeline_entry;
}

async function apiComment(object: string, body: string) {
	const response = await fetch(`${ctx.sim.baseUrl}/timeline-entries.create`, {
		method: 'POST',
		headers: { authorization: `Bearer ${devrev.TOKEN}`, 'content-type': 'application/json' },
		body: JSON.stringify({ object, type: 'timeline_comment', body }),
	});
	expect(response.status).toBe(201);
	return ((await response.json()) as { timeline_entry: { id: string } }).timeline_entry;
}

/** A signed event for the trigger's webhook, as DevRev would send it. */
function eventFor(trigger: Trigger, type: string, object: object, fields: object = {}) {
	return hooks.eventBody(trigger.webhook()!, type, object as never, fields as never);
}

describe('DevRev Trigger: events start the workflow', () => {
	test('a comment posted in DevRev: one item with the event, its body, object and author', async () => {
		const trigger = await activeTrigger();
		try {
			const chat = devrev.seedChat(ctx.sim.state, [7]);
			const entry = await simComment(chat.id, 'Is the build green?');
			const [, hit] = await trigger.server.waitForHits(2);
			expect(hit.status).toBe(200);
			expect(hit.items).toHaveLength(1);
			const json = hit.items![0].json;
			const [call] = (await devrev.webhooksSettled(ctx.sim.state)).slice(-1);
			// the node's own answer (n8n 2.41 would send the text "firstEntryJson" for a
			// webhookResponse given with workflowData, seen in the e2e run part)
			expect(JSON.parse(hit.responseBody)).toEqual({
				received: true,
				started: true,
				id: call.eventId,
			});
			expect(call.responseBody).toBe(hit.responseBody);
			expect(json).toMatchObject({
				id: call.eventId,
				type: 'timeline_entry_created',
				webhook_id: trigger.node().webhookId,
				timestamp: expect.any(String),
				timeline_entry_created: { entry: { id: entry.id, body: 'Is the build green?' } },
				entry_id: entry.id,
				body: 'Is the build green?',
				object_id: chat.id,
				author_id: 'don:identity:dvrv-us-1:devo/0:devu/7',
			});
			const { entry_id, body, object_id, author_id, ...event } = json;
			expect([entry_id, body, object_id, author_id]).toHaveLength(4);
			expect(matchesSchema(schemas.webhookEvent.body, event)).toBe(true);
			expect(JSON.stringify(json)).not.toContain(String(trigger.node().webhookSecret));
		} finally {
			await trigger.stop();
		}
	});

	test("the workflow's own comment (the credential's user) starts nothing; with Ignore Own Comments off it does", async () => {
		const trigger = await activeTrigger();
		try {
			const chat = devrev.seedChat(ctx.sim.state, [7]);
			await apiComment(chat.id, 'my own reply');
			const [, hit] = await trigger.server.waitForHits(2);
			expect(hit.status).toBe(200);
			expect(hit.run).toBeUndefined();
			expect(JSON.parse(hit.responseBody)).toMatchObject({ started: false, reason: 'own comment' });
		} finally {
			await trigger.stop();
		}
		const loud = await activeTrigger({ options: { ignoreOwnComments: false } });
		try {
			const chat = devrev.seedChat(ctx.sim.state, [8]);
			await apiComment(chat.id, 'my own reply');
			const [, hit] = await loud.server.waitForHits(2);
			expect(hit.items![0].json).toMatchObject({ author_id: devrev.ME.id, body: 'my own reply' });
		} finally {
			await loud.stop();
		}
	});

	test('Only This Object: a comment on another chat starts nothing; one on this chat (by ID or display ID) does', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [9]);
		const other = devrev.seedChat(ctx.sim.state, [10]);
		for (const only of [chat.id, chat.display_id]) {
			resetWebhooks(ctx.sim);
			const trigger = await activeTrigger({ objectId: only });
			try {
				await simComment(other.id, 'elsewhere');
				await simComment(chat.id, 'here');
				const hits = await trigger.server.waitForHits(3);
				expect(JSON.parse(hits[1].responseBody)).toMatchObject({ reason: 'other object' });
				expect(hits[1].run).toBeUndefined();
				expect(hits[2].items![0].json).toMatchObject({ body: 'here', object_id: chat.id });
			} finally {
				await trigger.stop();
			}
		}
	});

	test('a conversation created through the API: conversation_created with the conversation', async () => {
		const trigger = await activeTrigger({ events: ['conversation_created'] });
		try {
			const response = await fetch(`${ctx.sim.baseUrl}/conversations.create`, {
				method: 'POST',
				headers: { authorization: `Bearer ${devrev.TOKEN}`, 'content-type': 'application/json' },
				body: JSON.stringify({ type: 'support', title: 'Printer on fire' }),
			});
			expect(response.status).toBe(201);
			const { conversation } = (await response.json()) as { conversation: { id: string } };
			const [, hit] = await trigger.server.waitForHits(2);
			expect(hit.items![0].json).toMatchObject({
				type: 'conversation_created',
				conversation_id: conversation.id,
				conversation_created: { conversation: { id: conversation.id, title: 'Printer on fire' } },
			});
		} finally {
			await trigger.stop();
		}
	});

	test('an event type not chosen, or a timeline entry that is not a comment, starts nothing', async () => {
		const trigger = await activeTrigger();
		try {
			const work = await trigger.deliver(
				eventFor(trigger, 'work_created', { work: { id: 'don:core:dvrv-us-1:devo/0:issue/1' } }),
			);
			expect(await work.json()).toMatchObject({ started: false, reason: 'event not chosen' });
			const change = await trigger.deliver(
				eventFor(trigger, 'timeline_entry_created', {
					entry: { id: 'don:core:x:timeline_change_event/1', type: 'timeline_change_event' },
				}),
			);
			expect(await change.json()).toMatchObject({ started: false, reason: 'not a comment' });
			expect(trigger.server.hits.every((hit) => hit.run === undefined)).toBe(true);
		} finally {
			await trigger.stop();
		}
	});
});

describe('DevRev Trigger: calls that are refused or dropped', () => {
	const comment = (trigger: Trigger) =>
		eventFor(trigger, 'timeline_entry_created', {
			entry: {
				id: 'don:core:dvrv-us-1:devo/0:dm/1:comment/99',
				type: 'timeline_comment',
				object: 'don:core:dvrv-us-1:devo/0:dm/1',
				body: 'hello',
				created_by: { id: 'don:identity:dvrv-us-1:devo/0:devu/7' },
			},
		});

	test('a bad or missing signature: 401 and nothing starts', async () => {
		const trigger = await activeTrigger();
		try {
			const event = comment(trigger);
			const wrong = await trigger.deliver(event, { signature: 'ab'.repeat(32) });
			expect(wrong.status).toBe(401);
			const none = await trigger.deliver(event, { signature: '' });
			expect(none.status).toBe(401);
			// a signature over another body
			const other = await trigger.deliver(
				{ ...event, id: 'another' },
				{ signature: hooks.signEvent(String(trigger.node().webhookSecret), JSON.stringify(event)) },
			);
			expect(other.status).toBe(401);
			expect(trigger.server.hits.slice(1).every((hit) => hit.run === undefined)).toBe(true);
			// the event is not remembered: the genuine delivery still starts the workflow
			const good = await trigger.deliver(event);
			expect(good.status).toBe(200);
			expect(trigger.server.hits.at(-1)!.items).toHaveLength(1);
		} finally {
			await trigger.stop();
		}
	});

	test('the raw secret string as the HMAC key is accepted too (the key is a guess)', async () => {
		const trigger = await activeTrigger();
		try {
			const raw = JSON.stringify(comment(trigger));
			const { createHmac } = await import('node:crypto');
			const signature = createHmac('sha256', String(trigger.node().webhookSecret))
				.update(raw)
				.digest('hex');
			const response = await trigger.deliver(undefined, { raw, signature });
			expect(response.status).toBe(200);
			expect(trigger.server.hits.at(-1)!.items).toHaveLength(1);
		} finally {
			await trigger.stop();
		}
	});

	test('a stale timestamp (over 300 s from now, either way): refused; within the window: taken', async () => {
		const trigger = await activeTrigger();
		try {
			const at = (offsetS: number) => new Date(Date.now() + offsetS * 1000).toISOString();
			for (const offset of [-301, 400]) {
				const response = await trigger.deliver({ ...comment(trigger), timestamp: at(offset) });
				expect(response.status).toBe(401);
				expect(await response.json()).toMatchObject({ message: 'The event timestamp is stale' });
			}
			const ok = await trigger.deliver({ ...comment(trigger), timestamp: at(-200) });
			expect(ok.status).toBe(200);
			expect(trigger.server.hits.filter((hit) => hit.run !== undefined)).toHaveLength(1);
		} finally {
			await trigger.stop();
		}
	});

	test('a repeated event ID starts the workflow once', async () => {
		const trigger = await activeTrigger();
		try {
			const event = comment(trigger);
			const first = await trigger.deliver(event);
			const again = await trigger.deliver(event);
			expect([first.status, again.status]).toEqual([200, 200]);
			expect(await again.json()).toMatchObject({ started: false, reason: 'duplicate' });
			expect(trigger.server.hits.filter((hit) => hit.run !== undefined)).toHaveLength(1);
		} finally {
			await trigger.stop();
		}
	});

	test('the handshake: answered with the challenge, nothing starts; unsigned once a secret is kept: 401', async () => {
		const trigger = await activeTrigger();
		try {
			const verify = eventFor(trigger, 'verify', { challenge: 'c2ltLWNoYWxsZW5nZQ==' });
			const response = await trigger.deliver(verify);
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual({ challenge: 'c2ltLWNoYWxsZW5nZQ==' });
			expect(trigger.server.hits.every((hit) => hit.run === undefined)).toBe(true);
			const unsigned = await trigger.deliver(verify, { signature: '' });
			expect(unsigned.status).toBe(401);
		} finally {
			await trigger.stop();
		}
	});

	test("the credential's user unknown and its lookup failing: the call fails and the event is not remembered", async () => {
		const trigger = await activeTrigger();
		try {
			delete trigger.node().ownUserId;
			ctx.sim.fault({ method: 'GET', path: '/dev-users.self' }, { status: 403 });
			const event = comment(trigger);
			const failed = await trigger.deliver(event);
			expect(failed.status).toBe(500);
			expect(trigger.server.hits.at(-1)!.error?.constructor.name).toBe('NodeApiError');
			const again = await trigger.deliver(event);
			expect(again.status).toBe(200);
			expect(trigger.server.hits.at(-1)!.items).toHaveLength(1);
			expect(trigger.node().ownUserId).toBe(devrev.ME.id);
		} finally {
			await trigger.stop();
		}
	});

	test('a body over Max Body Size: 413 and nothing starts', async () => {
		const trigger = await activeTrigger({ options: { maxBodySizeKb: 1 } });
		try {
			const big = { ...comment(trigger), padding: 'x'.repeat(2048) };
			const response = await trigger.deliver(big);
			expect(response.status).toBe(413);
			expect(await response.json()).toMatchObject({ error: 'Payload Too Large', maxBytes: 1024 });
			expect(trigger.server.hits.at(-1)!.run).toBeUndefined();
		} finally {
			await trigger.stop();
		}
	});

	test('a webhook deleted on deactivation receives nothing more', async () => {
		const trigger = await activeTrigger();
		try {
			await trigger.hook('delete');
			const chat = devrev.seedChat(ctx.sim.state, [11]);
			await simComment(chat.id, 'anyone?');
			await devrev.webhooksSettled(ctx.sim.state);
			expect(trigger.server.hits).toHaveLength(1);
		} finally {
			await trigger.stop();
		}
	});
});
