/**
 * What an export callback brought, as n8n received it: headers, query, the parsed body and the raw
 * bytes, plus the media type and file names read from its headers.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { headerValue } from '../../common/retry';

/** Request headers as Node gives them (lower-case names). */
export type IncomingHttpHeaders = Record<string, string | string[] | undefined>;

const EXTENSIONS: Record<string, string> = {
	'text/csv': 'csv',
	'application/csv': 'csv',
	'text/plain': 'txt',
	'application/json': 'json',
	'application/zip': 'zip',
	'application/x-zip-compressed': 'zip',
	'application/pdf': 'pdf',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/vnd.ms-excel': 'xls',
	'application/gzip': 'gz',
};

export interface CallbackRequest {
	method: string;
	headers: IncomingHttpHeaders;
	query: IDataObject;
	/** The body as n8n parsed it (JSON, form fields, multipart `{ data, files }`), if it did. */
	body: unknown;
	/** The exact bytes received, when n8n kept them. */
	rawBody?: Buffer;
}

type RequestLike = {
	method?: string;
	headers: IncomingHttpHeaders;
	query?: IDataObject;
	body?: unknown;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
};

/** What n8n handed the webhook: headers, query, parsed body and (read if needed) the raw bytes. */
export async function readCallbackRequest(ctx: IWebhookFunctions): Promise<CallbackRequest> {
	const req = ctx.getRequestObject() as unknown as RequestLike;
	const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
	if (
		!Buffer.isBuffer(req.rawBody) &&
		typeof req.readRawBody === 'function' &&
		!contentType.startsWith('multipart/')
	) {
		await req.readRawBody();
	}
	return {
		method: String(req.method ?? 'POST'),
		headers: req.headers,
		query: (req.query ?? {}) as IDataObject,
		body: req.body,
		rawBody: Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined,
	};
}

/** One request header's value (the first when repeated). */
export function requestHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
	return headerValue(headers as IDataObject, name);
}

export function mediaType(headers: IncomingHttpHeaders): string {
	return String(requestHeader(headers, 'content-type') ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
}

/** File name from Content-Disposition (filename* first, then filename). */
export function fileNameFrom(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const star = /filename\*\s*=\s*(?:UTF-8|ISO-8859-1)?'[^']*'([^;]+)/i.exec(disposition);
	if (star) {
		try {
			return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// fall through to the plain parameter
		}
	}
	const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition);
	const name = plain ? (plain[1] ?? plain[2]).trim().replace(/\\(.)/g, '$1') : undefined;
	if (!name) return undefined;
	// never let a path travel with the name
	return name.split(/[\\/]/).pop() || undefined;
}

export function defaultFileName(mimeType: string): string {
	return `zaia-export.${EXTENSIONS[mimeType] ?? 'bin'}`;
}
