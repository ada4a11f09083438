/**
 * What every trigger does with a request before it reads anything: the constant-time secret and
 * signature checks, the timestamp window, the bounded body, the refusal answer, and the memory of
 * delivered events (workflow static data). Provider-neutral: the triggers of all services use it.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** How many delivered message IDs the trigger remembers (the oldest are forgotten first). */
export const REMEMBERED_DELIVERIES = 500;

/** Constant-time comparison of two secrets of any length (hashes of equal length compared). */
export function secretsMatch(given: string | undefined, expected: string): boolean {
	if (given === undefined || given === '' || expected === '') return false;
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

/**
 * Whether `given` (hex, any case, an optional `sha256=` prefix) is the HMAC-SHA256 of `payload`
 * under `key`, compared in constant time. A missing or malformed signature is simply false.
 */
export function hmacSha256HexMatches(
	key: string | Buffer,
	payload: Buffer | string,
	given: string | undefined,
): boolean {
	if (given === undefined) return false;
	const hex = given.trim().replace(/^sha256=/i, '');
	if (!/^[0-9a-f]{64}$/i.test(hex)) return false;
	const expected = createHmac('sha256', key).update(payload).digest();
	return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
}

/**
 * Whether a provider's timestamp (Unix seconds or milliseconds, or an ISO 8601 string) lies within
 * `windowSeconds` of `nowMs`, either way (a replayed or badly clocked call is refused).
 */
export function withinWindow(
	timestamp: string | number | undefined,
	windowSeconds: number,
	nowMs: number = Date.now(),
): boolean {
	if (timestamp === undefined || timestamp === '') return false;
	let ms: number;
	if (typeof timestamp === 'number' || /^\d+(\.\d+)?$/.test(String(timestamp).trim())) {
		const n = Number(timestamp);
		ms = n > 1e12 ? n : n * 1000;
	} else {
		ms = Date.parse(String(timestamp));
	}
	return Number.isFinite(ms) && Math.abs(nowMs - ms) <= windowSeconds * 1000;
}

/** One request header as a string (the first when repeated), or undefined. */
export function headerOf(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name.toLowerCase()] as string | string[] | undefined;
	return Array.isArray(value) ? value[0] : value;
}

interface ResponseLike {
	headersSent: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

/** Answer now with an error status; n8n starts nothing and does not answer again. */
export function refuse(
	ctx: IWebhookFunctions,
	status: number,
	error: string,
	extra: IDataObject = {},
): IWebhookResponseData {
	return answerNow(ctx, status, { error, ...extra });
}

type RequestLike = {
	headers: Record<string, string | string[] | undefined>;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
};

/**
 * The body's bytes, or undefined when it is larger than `maxBytes` (by Content-Length before
 * reading, by what arrived after). n8n has read it already (its own limit: N8N_PAYLOAD_SIZE_MAX).
 */
export async function readBoundedBody(
	ctx: IWebhookFunctions,
	maxBytes: number,
): Promise<Buffer | undefined> {
	const req = ctx.getRequestObject() as unknown as RequestLike;
	const declared = Number(req.headers['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) return undefined;
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function')
		await req.readRawBody();
	const raw = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
	return raw.length > maxBytes ? undefined : raw;
}

function remembered(ctx: IWebhookFunctions): { data: IDataObject; ids: string[] } {
	const data = ctx.getWorkflowStaticData('node');
	const ids = Array.isArray(data.deliveredIds) ? (data.deliveredIds as string[]) : [];
	return { data, ids };
}

/**
 * Remember a delivery's ID; false when it was delivered before. n8n saves the node's static data
 * after the call (production URL only, not the test URL). In queue mode the webhook processes
 * share it through the database, but two calls at the same instant can both pass.
 */
export function rememberDelivery(ctx: IWebhookFunctions, id: string): boolean {
	const { data, ids } = remembered(ctx);
	if (ids.includes(id)) return false;
	data.deliveredIds = [...ids, id].slice(-REMEMBERED_DELIVERIES);
	return true;
}

/** Forget a delivery that could not be handled, so that a later call for it is taken. */
export function forgetDelivery(ctx: IWebhookFunctions, id: string): void {
	const { data, ids } = remembered(ctx);
	if (ids.includes(id)) data.deliveredIds = ids.filter((seen) => seen !== id);
}

/**
 * Answer now with a JSON body and return what makes n8n send nothing more, e.g. a provider that
 * wants its own acknowledgement while the workflow still starts (pass `workflowData` along).
 */
export function answerNow(
	ctx: IWebhookFunctions,
	status: number,
	body: IDataObject,
	workflowData?: IWebhookResponseData['workflowData'],
): IWebhookResponseData {
	const res = ctx.getResponseObject() as unknown as ResponseLike;
	if (!res.headersSent) {
		const text = JSON.stringify(body);
		res.writeHead(status, {
			'content-type': 'application/json; charset=utf-8',
			'content-length': String(Buffer.byteLength(text)),
		});
		res.end(text);
	}
	return workflowData ? { noWebhookResponse: true, workflowData } : { noWebhookResponse: true };
}
