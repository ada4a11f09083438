/**
 * The DevRev Trigger's webhook lifecycle, as n8n calls it when the workflow is activated and
 * deactivated (and around "Listen for test event"): create registers a webhook with DevRev
 * (webhooks.create) for this node's URL and the chosen events with a secret the node generates;
 * checkExists looks the stored webhook up (webhooks.get) and keeps it only while it still points
 * at this URL and is not deactivated, bringing its event types up to date; delete removes it
 * (webhooks.delete; already gone counts as removed). All calls go through the shared transport.
 */
import { randomBytes } from 'node:crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../../common/transport';
import { devRevProfile } from '../transport';
import { chosenEvents, triggerState } from './events';

/** Bytes of the generated secret (DevRev takes 8 to 32; sent base64, as format byte wants). */
export const SECRET_BYTES = 24;

/** The call's answer, or undefined when DevRev answers 404 (any other failure is thrown). */
async function unlessNotFound<T>(call: Promise<T>): Promise<T | undefined> {
	let failure: unknown;
	try {
		return await call;
	} catch (error) {
		failure = error;
	}
	if (failure instanceof NodeApiError && failure.httpCode === '404') return undefined;
	throw failure;
}

function forget(ctx: IHookFunctions): void {
	const state = triggerState(ctx);
	delete state.webhookId;
	delete state.webhookSecret;
	delete state.eventTypes;
}

async function removeWebhook(ctx: IHookFunctions, id: string): Promise<void> {
	await unlessNotFound(
		apiRequest(ctx, devRevProfile, {
			method: 'POST',
			path: '/webhooks.delete',
			body: { id },
			idempotent: true,
		}),
	);
}

/** The credential's own user (dev-users.self), for Ignore Own Comments; undefined if unknown. */
export async function lookUpOwnUser(
	ctx: Parameters<typeof apiRequest>[0],
): Promise<string | undefined> {
	const { body } = await apiRequest<{ dev_user?: IDataObject }>(ctx, devRevProfile, {
		method: 'GET',
		path: '/dev-users.self',
	});
	const id = body?.dev_user?.id;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	const id = state.webhookId;
	if (!id || !state.webhookSecret) return false;
	const found = await unlessNotFound(
		apiRequest<{ webhook?: IDataObject }>(this, devRevProfile, {
			method: 'GET',
			path: '/webhooks.get',
			qs: { id },
		}),
	);
	const webhook = found?.body?.webhook;
	if (!webhook) {
		forget(this);
		return false;
	}
	if (webhook.url !== this.getNodeWebhookUrl('default') || webhook.status === 'inactive') {
		// another URL (the workflow was copied, n8n moved) or deactivated in DevRev: start afresh
		await removeWebhook(this, id);
		forget(this);
		return false;
	}
	const wanted = chosenEvents(this);
	const current = Array.isArray(webhook.event_types)
		? (webhook.event_types as string[]).map(String).sort()
		: [];
	if (wanted.join(',') !== current.join(',')) {
		await apiRequest(this, devRevProfile, {
			method: 'POST',
			path: '/webhooks.update',
			body: { id, event_types: { set: wanted } },
			idempotent: true,
		});
		state.eventTypes = wanted;
	}
	return true;
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const events = chosenEvents(this);
	const url = this.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(this.getNode(), 'n8n gave no URL for the webhook');
	const state = triggerState(this);
	const secret = randomBytes(SECRET_BYTES).toString('base64');
	// kept before the call: DevRev sends its verification handshake while the webhook is created
	state.webhookSecret = secret;
	let webhook: IDataObject | undefined;
	let answered = false;
	try {
		const { body } = await apiRequest<{ webhook?: IDataObject }>(this, devRevProfile, {
			method: 'POST',
			path: '/webhooks.create',
			body: { url, event_types: events, secret },
			redact: [secret],
		});
		webhook = body?.webhook;
		answered = true;
	} finally {
		// DevRev refused: nothing is kept (n8n shows its error and does not activate)
		if (!answered) forget(this);
	}
	if (!webhook || typeof webhook.id !== 'string') {
		forget(this);
		throw new NodeOperationError(this.getNode(), 'DevRev did not return the created webhook');
	}
	state.webhookId = webhook.id;
	state.eventTypes = events;
	if (this.getNodeParameter('options.ignoreOwnComments', true) !== false) {
		try {
			state.ownUserId = await lookUpOwnUser(this);
		} catch {
			// looked up again when the first comment arrives
			delete state.ownUserId;
		}
	}
	return true;
}

export async function remove(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	if (state.webhookId) await removeWebhook(this, state.webhookId);
	forget(this);
	delete state.ownUserId;
	return true;
}
