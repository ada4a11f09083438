'use strict';
/**
 * ClickUp channel Automations: Trigger "Message is posted" → Action "Call webhook" (help.clickup.com,
 * "Create a Chat webhook Automation"). Tests register one per channel with `addAutomation`; every
 * message or reply then posted in that channel — through the API (a workflow's own reply too) or
 * by `postAs` (a person in ClickUp) — makes the simulator call the webhook, after the API has
 * answered, as ClickUp's Automations run on their own.
 *
 * Documented: the URL may include the dynamic fields Comment ID and Channel ID; custom headers and
 * URL parameters; Content-type application/json by default. The simulator writes a dynamic field
 * as `{{Comment ID}}` / `{{Channel ID}}` in the URL and fills it in (URL-encoded).
 * Not documented, the simulator's guess: the body. It sends the shape of ClickUp's task Automation
 * payload (`{ id, trigger_id, date, payload }`) with the chat message record as `payload`.
 * Not documented either: retries. ClickUp names none for Automation webhooks, so the simulator
 * calls once and records what the receiver answered (`state.automationCalls`).
 */
const crypto = require('crypto');

const FIELDS = { 'Comment ID': (m) => m.id, 'Channel ID': (m) => m.parent_channel };

/**
 * Register a "Message is posted" → "Call webhook" Automation on a channel.
 * @param {object} state the ClickUp simulator's state
 * @param {{ channelId: string, url: string, headers?: object, params?: object, body?: function }} options
 *   `url` with `{{Comment ID}}` / `{{Channel ID}}` where the dynamic fields go; `headers` the custom
 *   headers; `params` the custom URL parameters; `body(message, automation)` replaces the body.
 */
function addAutomation(state, options) {
	const automation = {
		id: crypto.randomUUID(),
		channelId: options.channelId,
		url: options.url,
		headers: { ...(options.headers || {}) },
		params: { ...(options.params || {}) },
		body: options.body,
		enabled: true,
	};
	state.automations.push(automation);
	return automation;
}

function fillUrl(template, message, params) {
	const filled = template.replace(/\{\{\s*(Comment ID|Channel ID)\s*\}\}/g, (_, field) =>
		encodeURIComponent(String(FIELDS[field](message) ?? '')),
	);
	const url = new URL(filled);
	for (const [key, value] of Object.entries(params)) url.searchParams.append(key, String(value));
	return url.toString();
}

function bodyFor(automation, message) {
	if (automation.body) return automation.body(message, automation);
	return {
		id: `${crypto.randomUUID()}:main`,
		trigger_id: automation.id,
		date: new Date().toISOString(),
		payload: message,
	};
}

/** Call one Automation's webhook for a message; resolves with the call's record. */
async function callWebhook(state, automation, message) {
	const url = fillUrl(automation.url, message, automation.params);
	const body = JSON.stringify(bodyFor(automation, message));
	const headers = { 'content-type': 'application/json', ...automation.headers };
	const call = { automationId: automation.id, messageId: message.id, url, headers, body };
	try {
		// the simulator only calls this machine (tests and the demo run n8n on 127.0.0.1)
		if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname))
			throw new Error('the simulator calls only 127.0.0.1');
		const response = await fetch(url, { method: 'POST', headers, body });
		call.status = response.status;
		call.responseBody = await response.text();
	} catch (error) {
		call.error = error.message;
	}
	state.automationCalls.push(call);
	return call;
}

/** A message was posted: call the webhook of every Automation on its channel (not awaited). */
function messagePosted(state, message) {
	for (const automation of state.automations) {
		if (!automation.enabled || automation.channelId !== message.parent_channel) continue;
		const pending = new Promise((resolve) => setImmediate(resolve))
			.then(() => callWebhook(state, automation, message))
			.finally(() => state.pendingAutomations.delete(pending));
		state.pendingAutomations.add(pending);
	}
}

/** Resolves when every Automation call started so far has been answered (or failed). */
async function automationsSettled(state) {
	while (state.pendingAutomations.size > 0) await Promise.all([...state.pendingAutomations]);
	return state.automationCalls;
}

/**
 * The simulator's own routes (not ClickUp's API; no token), for the demo and anything running the
 * simulator in another process: `POST /sim/automations` registers an Automation (the body as
 * `addAutomation`'s options), `POST /sim/channels/:channel_id/messages` posts as a person
 * (`{ content, user_id?, parent_message? }`), `GET /sim/automation-calls` lists the calls made.
 */
function automationRoutes({ errorBody, postAs }) {
	return [
		{
			method: 'POST',
			path: '/sim/automations',
			own: true,
			handle({ body, state }) {
				if (!body || typeof body.channelId !== 'string' || typeof body.url !== 'string')
					return { status: 400, body: errorBody(400, 'channelId and url are required') };
				const { id } = addAutomation(state, body);
				return { status: 201, body: { id } };
			},
		},
		{
			method: 'POST',
			path: '/sim/channels/:channel_id/messages',
			own: true,
			handle({ params, body, state }) {
				const room = state.channels.get(params.channel_id);
				if (!room)
					return { status: 404, body: errorBody(404, `Channel ${params.channel_id} not found`) };
				if (!body || typeof body.content !== 'string' || body.content === '')
					return { status: 400, body: errorBody(400, 'content is required') };
				return { status: 201, body: postAs(state, room.workspace_id, room.id, body) };
			},
		},
		{
			method: 'GET',
			path: '/sim/automation-calls',
			own: true,
			handle: ({ state }) => ({ status: 200, body: { calls: state.automationCalls } }),
		},
	];
}

/**
 * The demo's Automation, from the environment: CLICKUP_SIM_AUTOMATION_URL (with the dynamic
 * fields) on CLICKUP_SIM_AUTOMATION_CHANNEL (default #general), sending `header: secret`.
 */
function automationFromEnv(state, { channelId, header, secret }) {
	const url = process.env.CLICKUP_SIM_AUTOMATION_URL;
	if (!url) return;
	addAutomation(state, {
		channelId: process.env.CLICKUP_SIM_AUTOMATION_CHANNEL || channelId,
		url,
		headers: { [header]: secret },
	});
}

module.exports = {
	addAutomation,
	automationFromEnv,
	automationRoutes,
	automationsSettled,
	callWebhook,
	messagePosted,
};
