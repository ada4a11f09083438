/**
 * The one webhook flow for Zaia's export callback, used by the Zaia Trigger and by the Zaia
 * node's "Wait for the Export": check the caller's secret or token (401 and nothing starts),
 * check the size (413), answer 200 at once so Zaia never waits on the workflow, then turn the
 * body into the one item the workflow gets. n8n starts (or resumes) nothing when no workflow data
 * is returned, so a refused call leaves a waiting execution waiting.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { CallbackItemOptions } from './item';
import { callbackToItem } from './item';
import type { CallbackRequest } from './request';
import { readCallbackRequest, requestHeader } from './request';

export const DEFAULT_MAX_BODY_MB = 25;

/** The part of Node's (and express's) response object used to answer. */
interface ResponseLike {
	headersSent: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

/** Constant-time comparison of two secrets of any length. */
export function secretsMatch(given: string | undefined, expected: string): boolean {
	if (given === undefined || given === '' || expected === '') return false;
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

/** Answer the HTTP request now (n8n then does not answer it again: return `noWebhookResponse`). */
export function respondNow(ctx: IWebhookFunctions, status: number, body: IDataObject): void {
	const res = ctx.getResponseObject() as unknown as ResponseLike;
	if (res.headersSent) return;
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': String(Buffer.byteLength(text)),
	});
	res.end(text);
}

/** The bytes of a multipart body n8n parsed: every uploaded file's size and every field's text. */
function multipartSize(body: unknown): number {
	if (!body || typeof body !== 'object') return 0;
	const { data, files } = body as { data?: unknown; files?: Record<string, unknown> };
	let size = data === undefined ? 0 : Buffer.byteLength(JSON.stringify(data) ?? '');
	for (const value of Object.values(files ?? {})) {
		for (const file of Array.isArray(value) ? value : [value]) {
			const bytes = Number((file as { size?: unknown } | undefined)?.size);
			if (Number.isFinite(bytes) && bytes > 0) size += bytes;
		}
	}
	return size;
}

/**
 * Size of the body: what was received (the raw bytes n8n read, or for multipart the files and
 * fields it parsed: a chunked upload has no Content-Length), or Content-Length when it says more.
 */
export function bodySize(request: CallbackRequest): number {
	const declared = Number(requestHeader(request.headers, 'content-length'));
	const received = Math.max(request.rawBody?.length ?? 0, multipartSize(request.body));
	return Math.max(Number.isFinite(declared) ? declared : 0, received);
}

/** What the caller must present, as the flow checks it. */
export interface CallbackAccess {
	/** The secret or token the request carries (undefined: none). */
	presented(request: CallbackRequest): string | undefined;
	/** The value it must equal; empty refuses every call. */
	expected(): Promise<string>;
	/** Extra fields of the 401 answer when nothing can be accepted (e.g. no usable secret set). */
	refusal?: IDataObject;
}

export interface CallbackFlowOptions {
	access: CallbackAccess;
	maxBytes: number;
	item: CallbackItemOptions;
	/** Shape the received item into the node's output (default: as received). */
	toOutput?: (item: INodeExecutionData) => INodeExecutionData;
}

export async function receiveExportCallback(
	ctx: IWebhookFunctions,
	options: CallbackFlowOptions,
): Promise<IWebhookResponseData> {
	const request = await readCallbackRequest(ctx);
	const expected = await options.access.expected();
	if (expected === '') {
		respondNow(ctx, 401, { error: 'Unauthorized', ...options.access.refusal });
		return { noWebhookResponse: true };
	}
	if (!secretsMatch(options.access.presented(request), expected)) {
		respondNow(ctx, 401, { error: 'Unauthorized' });
		return { noWebhookResponse: true };
	}
	if (bodySize(request) > options.maxBytes) {
		respondNow(ctx, 413, { error: 'Payload Too Large', maxBytes: options.maxBytes });
		return { noWebhookResponse: true };
	}
	// Answer before any parsing or download, so the export service never waits on n8n.
	respondNow(ctx, 200, { received: true });
	const item = await callbackToItem(ctx, request, options.item);
	return {
		noWebhookResponse: true,
		workflowData: [[options.toOutput ? options.toOutput(item) : item]],
	};
}
