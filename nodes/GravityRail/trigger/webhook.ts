/**
 * The Gravity Rail Trigger's webhook, for an Event Rule's Webhook action: the signature header
 * (401, nothing starts), the bounded body (413), the 5-minute window, once per delivery (workflow
 * static data: Gravity Rail retries up to 5 times), the event filters, then the item.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	answerNow,
	headerOf,
	hmacSha256HexMatches,
	readBoundedBody,
	refuse,
	rememberDelivery,
	withinWindow,
} from '../../common/webhook';
import { readSigningSettings, signingProblem } from './secret';

export const SIGNATURE_HEADER = 'x-webhook-signature';
/** Gravity Rail: reject timestamps older than 5 minutes. */
export const SIGNATURE_WINDOW_SECONDS = 300;
const DEFAULT_MAX_BODY_KB = 256;

/**
 * The event families of the Events parameter and the `event` prefixes they match. The docs give
 * `data_record:created` and speak of member and call/chat families: the `family:action` form of
 * the other names is the node's guess.
 */
export const FAMILY_PREFIXES: Record<string, string[]> = {
	chat: ['chat', 'call'],
	member: ['member'],
	dataRecord: ['data_record'],
};

/**
 * Body fields that may name one delivery across retries. Gravity Rail documents none: a guess,
 * used only when present.
 */
const DELIVERY_ID_FIELDS = ['deliveryId', 'delivery_id', 'eventId', 'event_id'];

/** `t={unix_timestamp},v1={hex}` as its parts (every v1, in case of several). */
export function parseSignature(header: string | undefined): { t?: string; v1: string[] } {
	const out: { t?: string; v1: string[] } = { v1: [] };
	for (const part of String(header ?? '').split(',')) {
		const [key, ...rest] = part.split('=');
		const value = rest.join('=').trim();
		if (key.trim() === 't') out.t = value;
		else if (key.trim() === 'v1' && value) out.v1.push(value);
	}
	return out;
}

/** Whether one of `v1` is the HMAC-SHA256 of ASCII `{t}.` followed by the raw body. */
export function signatureMatches(secret: string, t: string, v1: string[], raw: Buffer): boolean {
	const payload = Buffer.concat([Buffer.from(`${t}.`, 'ascii'), raw]);
	let matched = false;
	// every candidate compared, so that the time taken does not tell which one failed
	for (const hex of v1) if (hmacSha256HexMatches(secret, payload, hex)) matched = true;
	return matched;
}

/** The event's family prefix: the part before the first ':' or '.', in lower case. */
function prefixOf(event: string): string {
	return event.split(/[:.]/)[0].trim().toLowerCase();
}

/** Whether the Events and Event Names parameters let `event` start the workflow. */
export function eventSelected(event: string, families: string[], names: string[]): boolean {
	if (families.includes('all') || (families.length === 0 && names.length === 0)) return true;
	if (names.includes(event)) return true;
	const prefix = prefixOf(event);
	return families.some((family) => (FAMILY_PREFIXES[family] ?? []).includes(prefix));
}

function deliveryKey(body: IDataObject, signature: { t?: string; v1: string[] }, signed: boolean) {
	for (const field of DELIVERY_ID_FIELDS) {
		const value = body[field];
		if ((typeof value === 'string' && value.trim()) || typeof value === 'number')
			return `id:${String(body.event ?? '')}:${String(value)}`;
	}
	// a retry resends the same bytes with the same signature (the docs do not say whether it is
	// signed again: if it were, the retry would start the workflow again)
	if (signed && signature.t) return `sig:${signature.t}:${signature.v1.join(',')}`;
	return undefined;
}

function ignored(reason: string, extra: IDataObject = {}): IWebhookResponseData {
	return { webhookResponse: { received: true, started: false, reason, ...extra } };
}

function splitNames(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((name) => String(name).trim()).filter(Boolean);
}

export async function receiveEvent(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const settings = await readSigningSettings(ctx);
	const header = headerOf(ctx, SIGNATURE_HEADER);
	const signature = parseSignature(header);
	const mustVerify = settings.requireSignature || (settings.secret !== '' && header !== undefined);
	// fail closed: without a usable secret nothing is accepted; the caller is told no more
	if (signingProblem(settings) || (mustVerify && (!signature.t || signature.v1.length === 0)))
		return refuse(ctx, 401, 'Unauthorized');

	const maxBytes = Math.round(Number(options.maxBodySizeKb || DEFAULT_MAX_BODY_KB) * 1024);
	const raw = await readBoundedBody(ctx, maxBytes);
	if (raw === undefined) return refuse(ctx, 413, 'Payload Too Large', { maxBytes });

	if (mustVerify) {
		if (!withinWindow(signature.t, SIGNATURE_WINDOW_SECONDS))
			return refuse(ctx, 401, 'Unauthorized');
		if (!signatureMatches(settings.secret, signature.t!, signature.v1, raw))
			return refuse(ctx, 401, 'Unauthorized');
	}

	let body: unknown;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		body = undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return refuse(ctx, 400, 'Bad Request', { message: 'The body must be a JSON object' });
	const event = body as IDataObject;
	const name = typeof event.event === 'string' ? event.event : '';

	const families = ctx.getNodeParameter('events', ['all']) as string[];
	const names = splitNames(ctx.getNodeParameter('eventNames', ''));
	if (!eventSelected(name, families, names)) return ignored('filtered', { event: name });

	// Gravity Rail retries a delivery it thinks failed (up to 5 attempts): the same one again
	// starts nothing. Without a signature or a delivery ID, calls cannot be told apart.
	const key = deliveryKey(event, signature, mustVerify);
	if (key !== undefined && !rememberDelivery(ctx, key))
		return ignored('duplicate', { event: name });

	return answerNow(ctx, 200, { received: true }, [
		[{ json: { ...event, receivedAt: new Date().toISOString() } }],
	]);
}
