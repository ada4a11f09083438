'use strict';
/**
 * Gravity Rail Event Rules with a Webhook action (docs: "Developer → Webhooks"). Rules are set up
 * by hand in Gravity Rail (no API), so tests register one with `addEventRule` and the demo with
 * POST /sim/event-rules; `emitEvent` (or POST /sim/events, or a chat created through the API:
 * `chat:created`) then calls the webhook of every rule that listens for that event.
 *
 * Documented: JSON body with `event`, `eventRule { id, uuid, name }`, `workspace { uuid, name }`;
 * signing optional per rule, with a per-rule secret: `X-Webhook-Signature: t={unix},v1={hex}`,
 * HMAC-SHA256 over ASCII `{t}.` + the raw body; up to 5 attempts, starting 10 s apart, with
 * exponential backoff; HTTPS only (the simulator calls only 127.0.0.1, over http).
 * Not documented, the simulator's guess: what else the body carries (here the subject under
 * `chat`, `member` or `dataRecord`, and `occurredAt`); that a retry resends the same bytes with the
 * same signature; which statuses are retried (here anything but 2xx, and a failed connection).
 * `state.webhookRetry = { attempts, delayMs }` shortens the spacing for tests.
 */
const crypto = require('crypto');

/** Gravity Rail's schedule: 5 attempts, the first retry 10 s after the first call, doubling. */
const RETRY = { attempts: 5, delayMs: 10_000 };

/**
 * Register an Event Rule with a Webhook action.
 * @param {object} state the Gravity Rail simulator's state
 * @param {{ url: string, secret?: string|null, signed?: boolean, events?: string[], name?: string }} options
 *   `events` the event names the rule fires on (empty or absent: every event); `signed: false`
 *   for a rule without signing; a signed rule without `secret` gets a generated one.
 */
function addEventRule(state, options) {
	const n = state.eventRules.length + 1;
	const signed = options.signed !== false && options.secret !== null;
	const rule = {
		id: 700 + n,
		uuid: crypto.randomUUID(),
		name: options.name || `Webhook rule ${n}`,
		url: options.url,
		events: [...(options.events || [])],
		secret: signed ? options.secret || `grwh_${crypto.randomBytes(24).toString('hex')}` : null,
		enabled: true,
	};
	state.eventRules.push(rule);
	return rule;
}

/** The X-Webhook-Signature value for a body signed at `t` (Unix seconds). */
function sign(secret, t, body) {
	const hex = crypto
		.createHmac('sha256', secret)
		.update(Buffer.concat([Buffer.from(`${t}.`, 'ascii'), Buffer.from(body)]))
		.digest('hex');
	return `t=${t},v1=${hex}`;
}

function bodyFor(rule, workspace, event, data) {
	return {
		event,
		eventRule: { id: rule.id, uuid: rule.uuid, name: rule.name },
		workspace: { uuid: workspace.uuid, name: workspace.name },
		occurredAt: new Date().toISOString(),
		...data,
	};
}

// unref'd: a retry still pending (Gravity Rail's spacing is 10 s and up) keeps no process alive
// (a jest worker, the e2e suite) once everything else is done
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** One delivery to one rule, with retries; every attempt recorded in `state.webhookCalls`. */
async function deliver(state, rule, body, options = {}) {
	const retry = { ...RETRY, ...(state.webhookRetry || {}) };
	const t = options.timestamp ?? Math.floor(Date.now() / 1000);
	const headers = { 'content-type': 'application/json' };
	if (rule.secret) headers['x-webhook-signature'] = sign(rule.secret, t, body);
	const deliveryId = crypto.randomUUID();
	const calls = [];
	for (let attempt = 1; attempt <= retry.attempts; attempt++) {
		const call = { ruleId: rule.id, deliveryId, attempt, url: rule.url, headers, body };
		try {
			if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(rule.url).hostname))
				throw new Error('the simulator calls only 127.0.0.1');
			const response = await fetch(rule.url, { method: 'POST', headers, body });
			call.status = response.status;
			call.responseBody = await response.text();
		} catch (error) {
			call.error = error.message;
		}
		call.at = Date.now();
		state.webhookCalls.push(call);
		calls.push(call);
		if (call.status >= 200 && call.status < 300) break;
		if (attempt < retry.attempts) await wait(retry.delayMs * 2 ** (attempt - 1));
	}
	return calls;
}

/**
 * An event happened in the workspace: deliver it to every enabled rule listening for it (not
 * awaited, as Gravity Rail's deliveries run on their own). `data` is merged into the body;
 * `options.body` replaces the body's text, `options.timestamp` the signing time.
 */
function emitEvent(state, workspace, event, data = {}, options = {}) {
	const rules = state.eventRules.filter(
		(rule) =>
			rule.enabled &&
			(options.ruleId === undefined || rule.id === options.ruleId) &&
			(rule.events.length === 0 || rule.events.includes(event)),
	);
	for (const rule of rules) {
		const body = options.body ?? JSON.stringify(bodyFor(rule, workspace, event, data));
		const pending = new Promise((resolve) => setImmediate(resolve))
			.then(() => deliver(state, rule, body, options))
			.finally(() => state.pendingWebhooks.delete(pending));
		state.pendingWebhooks.add(pending);
	}
	return rules.length;
}

/** Resolves when every delivery started so far has ended (answered, or out of attempts). */
async function webhooksSettled(state) {
	while (state.pendingWebhooks.size > 0) await Promise.all([...state.pendingWebhooks]);
	return state.webhookCalls;
}

/**
 * The simulator's own routes (not Gravity Rail's API; no key): `POST /sim/event-rules` registers a
 * rule (`addEventRule`'s options; answers its id, uuid and secret), `POST /sim/events` makes an
 * event happen (`{ event, data?, ruleId? }`), `GET /sim/webhook-calls` lists every attempt made.
 */
function eventRuleRoutes({ errorBody, workspace, schemas }) {
	return [
		{
			method: 'POST',
			path: '/sim/event-rules',
			own: true,
			contentType: 'application/json',
			body: schemas.SimEventRuleRequest,
			handle({ body, state }) {
				const rule = addEventRule(state, body);
				return { status: 201, body: { id: rule.id, uuid: rule.uuid, secret: rule.secret } };
			},
		},
		{
			method: 'POST',
			path: '/sim/events',
			own: true,
			contentType: 'application/json',
			body: schemas.SimEventRequest,
			handle({ body, state }) {
				if (body.ruleId !== undefined && !state.eventRules.some((r) => r.id === body.ruleId))
					return { status: 404, body: errorBody(404, `Event Rule ${body.ruleId} not found`) };
				const rules = emitEvent(state, workspace, body.event, body.data || {}, {
					ruleId: body.ruleId,
				});
				return { status: 202, body: { rules } };
			},
		},
		{
			method: 'GET',
			path: '/sim/webhook-calls',
			own: true,
			handle: ({ state }) => ({ status: 200, body: { calls: state.webhookCalls } }),
		},
	];
}

/**
 * The demo's rule, from the environment: GRAVITYRAIL_SIM_WEBHOOK_URL, signed with `secret`,
 * firing on every event.
 */
function eventRuleFromEnv(state, { secret }) {
	const url = process.env.GRAVITYRAIL_SIM_WEBHOOK_URL;
	if (!url) return;
	addEventRule(state, { url, secret, name: 'n8n demo' });
}

module.exports = {
	RETRY,
	addEventRule,
	emitEvent,
	eventRuleFromEnv,
	eventRuleRoutes,
	sign,
	webhooksSettled,
};
