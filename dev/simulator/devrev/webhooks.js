'use strict';
/**
 * DevRev simulator, webhooks: webhooks.create / .get / .list / .update / .delete, the verification
 * handshake and the signed event deliveries. Built by providers/devrev.js with its shared helpers.
 *
 * Documented (public OpenAPI): a webhook has a url, event_types, a secret (format byte, i.e.
 * base64; when given, 8 to 32 bytes; generated when not) and a status (active, inactive,
 * unverified). An endpoint is verified with an event of type `verify` carrying
 * `verify.challenge`, which it echoes as `{ "challenge": … }`; a changed url or secret of an
 * active webhook makes it unverified until verified again. Events carry id, webhook_id, type,
 * timestamp and their object under the key of their type (webhook-event-request).
 *
 * Guessed (the OpenAPI is silent; the DevRev Trigger guesses the same): the signature header
 * `X-DevRev-Signature`, the hex HMAC-SHA256 of the raw body keyed with the secret's bytes
 * (base64-decoded). The simulator verifies a webhook at once when it is created, activated, or
 * its url or secret changes (DevRev does not say when), and delivers each event once, after the
 * API call that caused it has answered (DevRev names no retries in the OpenAPI).
 *
 * Tests: `webhooksSettled(state)` waits for every delivery under way and gives the calls made
 * (`state.webhookCalls`); `deliverEvent(state, type, object)` sends any event; `signEvent` and
 * `eventBody` build a delivery by hand. The simulator's own routes (no token):
 * `POST /sim/timeline-comments` posts a comment as a person (`{ object, body, created_by? }`,
 * created_by a user number or ID, default DEVU-7) and `GET /sim/webhook-calls` lists the calls.
 */
const crypto = require('crypto');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const schemas = require('../schemas/devrev.json');

const SIGNATURE_HEADER = 'X-DevRev-Signature';
const withDefs = (schema) => ({ ...schema, $defs: schemas.$defs });

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validEvent = ajv.compile(withDefs(schemas.webhookEvent.body));

/** The secret's bytes when it is base64 of 8 to 32 bytes, else undefined. */
function secretBytes(secret) {
	if (typeof secret !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(secret)) return undefined;
	if (secret.length % 4 !== 0) return undefined;
	const bytes = Buffer.from(secret, 'base64');
	return bytes.length >= 8 && bytes.length <= 32 ? bytes : undefined;
}

function signEvent(secret, raw) {
	return crypto
		.createHmac('sha256', secretBytes(secret) || secret)
		.update(raw)
		.digest('hex');
}

function eventBody(webhook, type, object, fields = {}) {
	return {
		id: `don:integration:dvrv-us-1:devo/0:event/${crypto.randomUUID()}`,
		webhook_id: webhook.id,
		type,
		timestamp: new Date().toISOString(),
		[type]: object,
		...fields,
	};
}

module.exports = function webhooks(shared) {
	const { errorBody, userSummary, ME_NUMBER, now } = shared;

	const notFound = (id) => ({ status: 404, body: errorBody(404, `webhook ${id} not found`) });
	const find = (state, id) => state.webhooks.find((w) => w.id === id || w.display_id === id);

	/** POST one event to a webhook's URL, signed; resolves with the call's record. */
	async function send(state, webhook, body) {
		if (!validEvent(body))
			throw new Error(`simulator bug: event not per schema: ${ajv.errorsText(validEvent.errors)}`);
		const raw = JSON.stringify(body);
		const headers = {
			'content-type': 'application/json',
			[SIGNATURE_HEADER]: signEvent(webhook.secret, raw),
		};
		const call = { webhookId: webhook.id, type: body.type, eventId: body.id, url: webhook.url };
		try {
			// the simulator only calls this machine (tests and the demo run n8n on 127.0.0.1)
			if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(webhook.url).hostname))
				throw new Error('the simulator calls only 127.0.0.1');
			const response = await fetch(webhook.url, { method: 'POST', headers, body: raw });
			call.status = response.status;
			call.responseBody = await response.text();
		} catch (error) {
			call.error = error.message;
		}
		state.webhookCalls.push(call);
		return call;
	}

	/** The handshake: active when the endpoint echoes the challenge, else unverified. */
	async function verify(state, webhook) {
		webhook.status = 'unverified';
		const challenge = crypto.randomBytes(24).toString('base64');
		const call = await send(state, webhook, eventBody(webhook, 'verify', { challenge }));
		let echoed;
		try {
			echoed = JSON.parse(call.responseBody).challenge;
		} catch {
			echoed = undefined;
		}
		if (call.status === 200 && echoed === challenge) webhook.status = 'active';
		webhook.modified_date = now();
		return webhook.status;
	}

	/** Deliver an event to every active webhook subscribed to its type (not awaited). */
	function deliverEvent(state, type, object) {
		for (const webhook of state.webhooks) {
			if (webhook.status !== 'active' || !(webhook.event_types || []).includes(type)) continue;
			const body = eventBody(webhook, type, object);
			const pending = new Promise((resolve) => setImmediate(resolve))
				.then(() => send(state, webhook, body))
				.finally(() => state.pendingWebhooks.delete(pending));
			state.pendingWebhooks.add(pending);
		}
	}

	async function webhooksSettled(state) {
		while (state.pendingWebhooks.size > 0) await Promise.all([...state.pendingWebhooks]);
		return state.webhookCalls;
	}

	const badSecret = () => ({
		status: 400,
		body: errorBody(400, 'secret must be base64 of 8 to 32 bytes', { type: 'invalid_field' }),
	});

	function getOne(state, id) {
		const webhook = find(state, id);
		return webhook ? { status: 200, body: { webhook } } : notFound(id);
	}

	const routes = [
		{
			method: 'POST',
			path: '/webhooks.create',
			contentType: 'application/json',
			body: withDefs(schemas.webhooksCreate.body),
			async handle({ body, state }) {
				if (body.secret !== undefined && !secretBytes(body.secret)) return badSecret();
				const n = ++state.webhookCounter;
				const at = now();
				const webhook = {
					id: `don:integration:dvrv-us-1:devo/0:webhook/${n}`,
					display_id: `webhook-${n}`,
					created_by: userSummary(ME_NUMBER),
					created_date: at,
					modified_by: userSummary(ME_NUMBER),
					modified_date: at,
					event_types: [...new Set(body.event_types || [])],
					secret: body.secret ?? crypto.randomBytes(24).toString('base64'),
					status: 'unverified',
					url: body.url,
				};
				state.webhooks.push(webhook);
				state.webhookRequests.push(body);
				await verify(state, webhook);
				return { status: 201, body: { webhook } };
			},
		},
		{
			method: 'GET',
			path: '/webhooks.get',
			query: schemas.webhooksGet.query,
			handle: ({ query, state }) => getOne(state, query.id),
		},
		{
			method: 'POST',
			path: '/webhooks.get',
			contentType: 'application/json',
			body: schemas.webhooksGet.body,
			handle: ({ body, state }) => getOne(state, body.id),
		},
		{
			method: 'GET',
			path: '/webhooks.list',
			handle: ({ state }) => ({ status: 200, body: { webhooks: state.webhooks } }),
		},
		{
			method: 'POST',
			path: '/webhooks.list',
			contentType: 'application/json',
			body: schemas.webhooksList.body,
			handle: ({ state }) => ({ status: 200, body: { webhooks: state.webhooks } }),
		},
		{
			method: 'POST',
			path: '/webhooks.update',
			contentType: 'application/json',
			body: withDefs(schemas.webhooksUpdate.body),
			async handle({ body, state }) {
				const webhook = find(state, body.id);
				if (!webhook) return notFound(body.id);
				let reverify = false;
				if (body.secret !== undefined) {
					if (body.secret !== '' && !secretBytes(body.secret)) return badSecret();
					webhook.secret = body.secret || crypto.randomBytes(24).toString('base64');
					reverify = webhook.status === 'active';
				}
				if (body.url !== undefined && body.url !== webhook.url) {
					webhook.url = body.url;
					reverify = reverify || webhook.status === 'active';
				}
				const types = body.event_types;
				if (types && types.set) webhook.event_types = [...new Set(types.set)];
				if (types && types.add)
					webhook.event_types = [...new Set([...webhook.event_types, ...types.add])];
				if (types && types.remove)
					webhook.event_types = webhook.event_types.filter((t) => !types.remove.includes(t));
				if (body.action === 'deactivate') {
					webhook.status = 'inactive';
					reverify = false;
				}
				if (body.action === 'activate') reverify = true;
				webhook.modified_date = now();
				if (reverify) await verify(state, webhook);
				return { status: 200, body: { webhook } };
			},
		},
		{
			method: 'POST',
			path: '/webhooks.delete',
			contentType: 'application/json',
			body: schemas.webhooksDelete.body,
			handle({ body, state }) {
				const webhook = find(state, body.id);
				if (!webhook) return notFound(body.id);
				state.webhooks = state.webhooks.filter((w) => w !== webhook);
				return { status: 200, body: {} };
			},
		},
	];

	/** The simulator's own routes (not DevRev's API; no token). */
	function simRoutes({ postComment }) {
		return [
			{
				method: 'POST',
				path: '/sim/timeline-comments',
				own: true,
				handle({ body, state }) {
					if (!body || typeof body.object !== 'string' || typeof body.body !== 'string')
						return { status: 400, body: errorBody(400, 'object and body are required') };
					const entry = postComment(state, body.object, body.body, body.created_by);
					return entry
						? { status: 201, body: { timeline_entry: entry } }
						: { status: 404, body: errorBody(404, `object ${body.object} not found`) };
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

	return { routes, simRoutes, deliverEvent, webhooksSettled, verify };
};

module.exports.SIGNATURE_HEADER = SIGNATURE_HEADER;
module.exports.signEvent = signEvent;
module.exports.eventBody = eventBody;
module.exports.secretBytes = secretBytes;
