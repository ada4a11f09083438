/**
 * A JSON callback that points at a file instead of holding the export: finding the file's address
 * and, when the user asks for it, downloading it into binary.
 */
import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { isLoopbackHost } from '../../common/validate';
import type { IncomingHttpHeaders } from './request';
import { defaultFileName, fileNameFrom, mediaType, requestHeader } from './request';

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

export interface DownloadOptions {
	/** Files larger than this are not kept. */
	maxBytes: number;
	binaryPropertyName: string;
	downloadTimeoutMs?: number;
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

export async function downloadInto(
	ctx: IWebhookFunctions,
	url: string,
	options: DownloadOptions,
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
