/**
 * The Zaia export callback, shared by the Zaia Trigger and the Zaia node's "Wait for the Export"
 * mode: reading the request n8n received, checking secrets, and turning the body into one item.
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
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type {
	IBinaryData,
	IBinaryKeyData,
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Request headers as Node gives them (lower-case names). */
type IncomingHttpHeaders = Record<string, string | string[] | undefined>;

/** The part of Node's (and express's) response object used to answer. */
interface ResponseLike {
	headersSent: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

export const DEFAULT_MAX_BODY_MB = 25;
export const TOKEN_QUERY_PARAMETER = 'zaiaToken';

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

export interface CallbackOptions {
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

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	if (value === undefined) return undefined;
	return Array.isArray(value) ? value[0] : String(value);
}

/** Constant-time comparison of two secrets of any length. */
export function secretsMatch(given: string | undefined, expected: string): boolean {
	if (given === undefined || given === '' || expected === '') return false;
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

/** The secret the caller sent: in the query parameter or in the header. */
export function presentedSecret(
	request: CallbackRequest,
	queryName: string,
	headerName: string,
): string | undefined {
	const fromQuery = request.query[queryName];
	if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
	if (Array.isArray(fromQuery) && typeof fromQuery[0] === 'string') return fromQuery[0];
	return headerValue(request.headers, headerName);
}

/**
 * The resume token of "Wait for the Export": HMAC-SHA256 over the execution and node IDs with a
 * key from the credential (its Callback Secret, or a key derived from the API key). Stateless, so
 * any main or worker process can check it.
 */
export function resumeToken(credentials: IDataObject, executionId: string, nodeId: string): string {
	const callbackSecret =
		typeof credentials.callbackSecret === 'string' ? credentials.callbackSecret : '';
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	const key =
		callbackSecret !== ''
			? callbackSecret
			: createHmac('sha256', apiKey).update('zaia-n8n-export-callback-key/v1').digest('hex');
	return createHmac('sha256', key)
		.update(`zaia-export-resume/v1\n${executionId}\n${nodeId}`)
		.digest('base64url');
}

/** Answer the HTTP request now (n8n then does not answer it again: return `noWebhookResponse`). */
export function answer(ctx: IWebhookFunctions, status: number, body: IDataObject): void {
	const res = ctx.getResponseObject() as unknown as ResponseLike;
	if (res.headersSent) return;
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': String(Buffer.byteLength(text)),
	});
	res.end(text);
}

/** Size of the body: Content-Length when given, else the bytes n8n read. */
export function bodySize(request: CallbackRequest): number {
	const declared = Number(headerValue(request.headers, 'content-length'));
	const actual = request.rawBody?.length ?? 0;
	return Math.max(Number.isFinite(declared) ? declared : 0, actual);
}

function mediaType(headers: IncomingHttpHeaders): string {
	return String(headerValue(headers, 'content-type') ?? '')
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

function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
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
	options: CallbackOptions,
	json: IDataObject,
): Promise<IBinaryKeyData | undefined> {
	const parsed = new URL(url);
	if (parsed.protocol !== 'https:' && !isLoopback(parsed.hostname)) {
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
			fileNameFrom(headerValue(response.headers, 'content-disposition')) ??
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
	options: CallbackOptions,
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
	const disposition = headerValue(request.headers, 'content-disposition');
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
