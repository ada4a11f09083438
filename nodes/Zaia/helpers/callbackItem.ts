/**
 * The Zaia export callback as one item, shared by the Zaia Trigger and the Zaia node's "Wait for
 * the Export" mode: reading the request n8n received and turning its body into an item.
 *
 * Zaia documents only that "a POST will be made to callbackUrl when ready". Every plausible form
 * is handled:
 *  - JSON (application/json, *+json): output as is in `body`;
 *  - JSON that points at a file (a `downloadUrl`/`url`/... field holding an http(s) URL): output
 *    as JSON with `downloadUrl`, and, when asked, the file downloaded into binary;
 *  - a file body (CSV, XLSX, ZIP, ... or anything that is not JSON/form data): binary, with the
 *    file name from Content-Disposition and the MIME type from Content-Type;
 *  - multipart/form-data: every uploaded file becomes a binary property, the fields go to `body`;
 *  - form-urlencoded: the fields in `body`.
 * The raw headers (minus the secret) are always kept.
 */
import type {
	IBinaryData,
	IBinaryKeyData,
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { headerValue } from '../../common/transport';
import { isLoopbackHost } from '../../common/validate';

/** Request headers as Node gives them (lower-case names). */
export type IncomingHttpHeaders = Record<string, string | string[] | undefined>;

const DOWNLOAD_URL_KEYS = [
	'downloadUrl',
	'download_url',
	'fileUrl',
	'file_url',
	'signedUrl',
	'signed_url',
	'url',
	'link',
	'href',
];
const NESTED_KEYS = ['data', 'result', 'file', 'export', 'payload'];
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

export interface CallbackItemOptions {
	/** Download the file a JSON callback points at into binary. */
	downloadFile: boolean;
	/** Dot path of the download URL in the JSON; empty = look for the usual names. */
	downloadUrlField?: string;
	maxBytes: number;
	binaryPropertyName: string;
	/** Header and query names removed from the output (where secrets travel). */
	hiddenHeaders: string[];
	hiddenQuery: string[];
	downloadTimeoutMs?: number;
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

function mediaType(headers: IncomingHttpHeaders): string {
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

function defaultFileName(mimeType: string): string {
	return `zaia-export.${EXTENSIONS[mimeType] ?? 'bin'}`;
}

function getPath(value: unknown, path: string): unknown {
	let current = value;
	for (const key of path.split('.').filter(Boolean)) {
		if (!current || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

function isHttpUrl(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

/** The URL a JSON callback points at, if any. */
export function findDownloadUrl(body: unknown, field?: string): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	if (field) {
		const value = getPath(body, field);
		return isHttpUrl(value) ? value : undefined;
	}
	const candidates = [
		body as IDataObject,
		...NESTED_KEYS.map((k) => (body as IDataObject)[k]).filter(
			(v): v is IDataObject => !!v && typeof v === 'object' && !Array.isArray(v),
		),
	];
	for (const object of candidates) {
		for (const key of DOWNLOAD_URL_KEYS) {
			if (isHttpUrl(object[key])) return object[key] as string;
		}
	}
	return undefined;
}

function visibleHeaders(headers: IncomingHttpHeaders, hidden: string[]): IDataObject {
	const drop = new Set(hidden.map((h) => h.toLowerCase()));
	const out: IDataObject = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined || drop.has(name.toLowerCase())) continue;
		out[name] = value as string | string[];
	}
	return out;
}

function visibleQuery(query: IDataObject, hidden: string[]): IDataObject {
	const out: IDataObject = {};
	for (const [name, value] of Object.entries(query)) if (!hidden.includes(name)) out[name] = value;
	return out;
}

interface UploadedFile {
	filepath?: string;
	originalFilename?: string | null;
	mimetype?: string | null;
	size?: number;
}

async function downloadInto(
	ctx: IWebhookFunctions,
	url: string,
	options: CallbackItemOptions,
	json: IDataObject,
): Promise<IBinaryKeyData | undefined> {
	const parsed = new URL(url);
	if (parsed.protocol !== 'https:' && !isLoopbackHost(parsed.hostname)) {
		json.downloadError = 'The download URL is not HTTPS; it was not fetched.';
		return undefined;
	}
	try {
		const response = (await ctx.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			timeout: options.downloadTimeoutMs ?? 60_000,
		})) as { body: Buffer | ArrayBuffer; headers: IncomingHttpHeaders };
		const data = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
		if (data.length > options.maxBytes) {
			json.downloadError = `The file is larger than the allowed ${Math.round(options.maxBytes / 1048576)} MB; it was not kept.`;
			return undefined;
		}
		const mimeType =
			mediaType(response.headers) ||
			(typeof json.body === 'object' && typeof (json.body as IDataObject).mimeType === 'string'
				? String((json.body as IDataObject).mimeType)
				: 'application/octet-stream');
		const bodyName =
			typeof json.body === 'object' ? (json.body as IDataObject).fileName : undefined;
		const fileName =
			fileNameFrom(requestHeader(response.headers, 'content-disposition')) ??
			(typeof bodyName === 'string' && bodyName ? bodyName.split(/[\\/]/).pop() : undefined) ??
			(parsed.pathname.split('/').pop() || defaultFileName(mimeType));
		const binary = await ctx.helpers.prepareBinaryData(data, fileName, mimeType);
		json.downloaded = true;
		json.file = { fileName, mimeType, fileSize: data.length };
		return { [options.binaryPropertyName]: binary };
	} catch (error) {
		const message = String((error as Error).message ?? error);
		json.downloadError = `Could not download the file: ${message.replace(url, parsed.origin + parsed.pathname)}`;
		return undefined;
	}
}

/** Turn a received callback into the one item the workflow gets. */
export async function callbackToItem(
	ctx: IWebhookFunctions,
	request: CallbackRequest,
	options: CallbackItemOptions,
): Promise<INodeExecutionData> {
	const type = mediaType(request.headers);
	const json: IDataObject = {
		format: 'empty',
		headers: visibleHeaders(request.headers, options.hiddenHeaders),
		query: visibleQuery(request.query, options.hiddenQuery),
		receivedAt: new Date().toISOString(),
	};
	const item: INodeExecutionData = { json };
	const raw = request.rawBody;
	const disposition = requestHeader(request.headers, 'content-disposition');
	const namedFile = fileNameFrom(disposition);
	const isJson = type === 'application/json' || type.endsWith('+json');

	if (type === 'multipart/form-data' && request.body && typeof request.body === 'object') {
		const { data, files } = request.body as {
			data?: IDataObject;
			files?: Record<string, UploadedFile | UploadedFile[]>;
		};
		json.format = 'form';
		json.body = data ?? {};
		const binary: IBinaryKeyData = {};
		const copy = (
			ctx as unknown as {
				nodeHelpers?: {
					copyBinaryFile?: (p: string, n: string, m?: string) => Promise<IBinaryData>;
				};
			}
		).nodeHelpers?.copyBinaryFile;
		const list: Array<[string, UploadedFile]> = [];
		for (const [field, value] of Object.entries(files ?? {})) {
			const entries = Array.isArray(value) ? value : [value];
			entries.forEach((file, n) => list.push([entries.length > 1 ? `${field}${n}` : field, file]));
		}
		const descriptions: IDataObject[] = [];
		for (const [field, file] of list) {
			if (!file?.filepath || typeof copy !== 'function') continue;
			const fileName =
				(file.originalFilename ?? '').split(/[\\/]/).pop() || defaultFileName(file.mimetype ?? '');
			const mimeType = file.mimetype ?? 'application/octet-stream';
			const key = list.length === 1 ? options.binaryPropertyName : field;
			binary[key] = await copy(file.filepath, fileName, mimeType);
			descriptions.push({ property: key, fileName, mimeType, fileSize: file.size });
		}
		if (descriptions.length) {
			json.format = 'file';
			json.file = descriptions.length === 1 ? descriptions[0] : descriptions;
			item.binary = binary;
		}
		return item;
	}

	if (isJson && !namedFile) {
		let body: unknown = request.body;
		if (
			(body === undefined ||
				(typeof body === 'object' && body !== null && Object.keys(body).length === 0)) &&
			raw?.length
		) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				body = raw.toString('utf8');
				json.parseError = 'The body is labelled JSON but is not valid JSON; it is kept as text.';
			}
		}
		json.format = 'json';
		json.body = (body ?? {}) as IDataObject;
		const url = findDownloadUrl(body, options.downloadUrlField);
		if (url) {
			json.format = 'downloadUrl';
			json.downloadUrl = url;
			if (options.downloadFile) {
				const binary = await downloadInto(ctx, url, options, json);
				if (binary) item.binary = binary;
			}
		}
		return item;
	}

	if (type === 'application/x-www-form-urlencoded' && !namedFile) {
		json.format = 'form';
		json.body = (
			request.body && typeof request.body === 'object' ? request.body : {}
		) as IDataObject;
		return item;
	}

	const bytes =
		raw ?? (typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : undefined);
	if (!bytes || bytes.length === 0) return item;
	const mimeType = type || 'application/octet-stream';
	const fileName = namedFile ?? defaultFileName(mimeType);
	json.format = 'file';
	json.file = { fileName, mimeType, fileSize: bytes.length };
	item.binary = {
		[options.binaryPropertyName]: await ctx.helpers.prepareBinaryData(bytes, fileName, mimeType),
	};
	return item;
}
