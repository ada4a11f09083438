/**
 * The DevRev Trigger's webhook: bound the body (413), check the signature (401, nothing starts),
 * answer the verification handshake, refuse a stale timestamp, start once per event ID, then the
 * event-type, object and own-comment filters. One item per event.
 *
 * Guessed where DevRev's OpenAPI is silent: the signature is the hex HMAC-SHA256 of the raw body
 * in the X-DevRev-Signature header, keyed with the webhook secret's bytes (the secret is base64,
 * "format: byte") — the secret string itself is accepted as the key too; a body `timestamp` more
 * than the tolerance (default 300 s) from now is refused (the OpenAPI: the timestamp "should be
 * used to protect against replay attacks").
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	answerNow,
	forgetDelivery,
	headerOf,
	hmacSha256HexMatches,
	readBoundedBody,
	refuse,
	rememberDelivery,
	withinWindow,
} from '../../common/webhook';
import { authorIdOf, eventItem, eventObject, objectIdsOf, triggerState } from './events';
import { lookUpOwnUser } from './lifecycle';

export const SIGNATURE_HEADER = 'x-devrev-signature';
const DEFAULT_MAX_BODY_KB = 256;
const DEFAULT_TOLERANCE_SECONDS = 300;

/** The keys a signature may be made with: the secret's bytes (when base64 of 8–32 bytes), the string. */
export function signingKeys(secret: string): Array<string | Buffer> {
	const keys: Array<string | Buffer> = [];
	if (/^[A-Za-z0-9+/]+={0,2}$/.test(secret) && secret.length % 4 === 0) {
		const bytes = Buffer.from(secret, 'base64');
		if (bytes.length >= 8 && bytes.length <= 32) keys.push(bytes);
	}
	keys.push(secret);
	return keys;
}

function ignored(reason: string, extra: IDataObject = {}): IWebhookResponseData {
	return { webhookResponse: { received: true, started: false, reason, ...extra } };
}

function parse(raw: Buffer, parsed: unknown): IDataObject | undefined {
	let body = parsed;
	if ((body === undefined || body === null || body === '' || Buffer.isBuffer(body)) && raw.length) {
		try {
			body = JSON.parse(raw.toString('utf8'));
		} catch {
			body = undefined;
		}
	}
	return body && typeof body === 'object' && !Array.isArray(body)
		? (body as IDataObject)
		: undefined;
}

export async function receiveEvent(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const maxBytes = Math.round(Number(options.maxBodySizeKb || DEFAULT_MAX_BODY_KB) * 1024);
	const raw = await readBoundedBody(ctx, maxBytes);
	if (raw === undefined) return refuse(ctx, 413, 'Payload Too Large', { maxBytes });

	const state = triggerState(ctx);
	const secret = typeof state.webhookSecret === 'string' ? state.webhookSecret : '';
	const signature = headerOf(ctx, SIGNATURE_HEADER);
	const signed =
		secret !== '' && signingKeys(secret).some((key) => hmacSha256HexMatches(key, raw, signature));
	const body = parse(raw, ctx.getRequestObject().body);

	// the handshake may arrive while n8n is still activating the workflow, before the node's
	// static data (with the secret) is saved: then it is answered unsigned; otherwise signed only
	if (body?.type === 'verify') {
		const challenge = (body.verify as IDataObject | undefined)?.challenge;
		if (secret !== '' && !signed) return refuse(ctx, 401, 'Unauthorized');
		if (typeof challenge !== 'string' || challenge === '')
			return refuse(ctx, 400, 'Bad Request', { message: 'verify.challenge is missing' });
		return answerNow(ctx, 200, { challenge });
	}
	if (!signed) return refuse(ctx, 401, 'Unauthorized');
	if (!body) return refuse(ctx, 400, 'Bad Request', { message: 'The body is not a JSON object' });

	const tolerance = Number(options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS);
	const timestamp = body.timestamp as string | number | undefined;
	if (tolerance > 0 && timestamp !== undefined && !withinWindow(timestamp, tolerance))
		return refuse(ctx, 401, 'Unauthorized', { message: 'The event timestamp is stale' });

	const type = String(body.type ?? '');
	const id = typeof body.id === 'string' && body.id !== '' ? body.id : undefined;
	if (!id) return refuse(ctx, 400, 'Bad Request', { message: 'The event has no id' });
	// DevRev delivers concurrently and may deliver again: an event ID starts the workflow once
	if (!rememberDelivery(ctx, id)) return ignored('duplicate', { id });

	const events = ctx.getNodeParameter('events', []) as string[];
	if (!events.includes(type)) return ignored('event not chosen', { id, type });
	const object = eventObject(body);
	if (type.startsWith('timeline_entry_') && typeof object?.type === 'string')
		if (object.type !== 'timeline_comment') return ignored('not a comment', { id, type });

	const only = String(ctx.getNodeParameter('objectId', '') ?? '').trim();
	if (only !== '' && !objectIdsOf(body).some((candidate) => candidate === only))
		return ignored('other object', { id });

	if (type.startsWith('timeline_entry_') && options.ignoreOwnComments !== false) {
		const author = authorIdOf(body);
		if (author !== undefined) {
			if (!state.ownUserId) {
				let known = false;
				try {
					state.ownUserId = await lookUpOwnUser(ctx);
					known = true;
				} finally {
					// not remembered when the lookup failed: DevRev's next delivery may be taken
					if (!known) forgetDelivery(ctx, id);
				}
			}
			if (author === state.ownUserId) return ignored('own comment', { id });
		}
	}

	// answered by the node: with responseMode onReceived, n8n 2.41 sends its responseData default
	// (the text "firstEntryJson") instead of a webhookResponse given along with workflowData
	return answerNow(ctx, 200, { received: true, started: true, id }, [[{ json: eventItem(body) }]]);
}
