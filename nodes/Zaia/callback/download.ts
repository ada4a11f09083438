/**
 * A JSON callback that points at a file instead of holding the export: finding the file's address
 * and, when the user asks for it, downloading it into binary through the common safe download
 * (https only, every redirect checked, internal addresses refused, size and time bounded). The
 * credential the callback is checked with says where downloads may go (Download Hosts, and Allow
 * Local Downloads for a local simulator).
 */
import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { DownloadPolicy } from '../../common/download';
import { DownloadError, safeDownload } from '../../common/download';
import { ALLOW_LOCAL_DOWNLOADS, DOWNLOAD_HOSTS } from './downloadSettings';
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
	/** Files larger than this are not kept (reading stops there). */
	maxBytes: number;
	binaryPropertyName: string;
	/** The longest silence while downloading (default 60 s). */
	downloadTimeoutMs?: number;
	/** The whole download, redirects included (default 5 minutes). */
	downloadDeadlineMs?: number;
	/**
	 * The credential type whose Download Hosts / Allow Local Downloads apply. Default: the Zaia
	 * Trigger credential when the node keeps its secret there, else none (public HTTPS hosts only).
	 */
	downloadCredential?: string;
}

const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
const DEFAULT_DEADLINE_MS = 5 * 60_000;
/** The Zaia Trigger's credential (trigger/secret.ts), where a trigger's download settings live. */
const TRIGGER_CREDENTIAL = 'zaiaTriggerApi';

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

/** Where downloads may go, from the credential's Download Hosts and Allow Local Downloads. */
export async function downloadPolicy(
	ctx: IWebhookFunctions,
	credentialType: string | undefined,
): Promise<DownloadPolicy> {
	let type = credentialType;
	if (type === undefined) {
		let storage: unknown;
		try {
			storage = ctx.getNodeParameter('authentication', 'nodeSecret');
		} catch {
			storage = undefined;
		}
		if (storage === 'credential') type = TRIGGER_CREDENTIAL;
	}
	if (type === undefined) return {};
	let credentials: IDataObject;
	try {
		credentials = (await ctx.getCredentials(type)) as IDataObject;
	} catch {
		return {};
	}
	const listed = credentials[DOWNLOAD_HOSTS.name];
	const hosts = typeof listed === 'string' ? listed : '';
	return {
		allowedHosts: hosts
			.split(',')
			.map((h) => h.trim())
			.filter(Boolean),
		allowLocal: credentials[ALLOW_LOCAL_DOWNLOADS.name] === true,
	};
}

/** The URL as it may appear in messages: its origin and path (a query often holds a signature). */
function shown(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return 'the download URL';
	}
}

export async function downloadInto(
	ctx: IWebhookFunctions,
	url: string,
	options: DownloadOptions,
	json: IDataObject,
): Promise<IBinaryKeyData | undefined> {
	const policy = await downloadPolicy(ctx, options.downloadCredential);
	let file;
	try {
		file = await safeDownload(ctx, url, {
			...policy,
			maxBytes: options.maxBytes,
			idleTimeoutMs: options.downloadTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
			deadlineMs: options.downloadDeadlineMs ?? DEFAULT_DEADLINE_MS,
		});
	} catch (error) {
		const reason =
			error instanceof DownloadError ? error.message : String((error as Error).message ?? error);
		json.downloadError =
			error instanceof DownloadError && error.reason === 'refused'
				? `The file at ${shown(url)} was not fetched: ${reason}.`
				: `Could not download the file at ${shown(url)}: ${reason}.`;
		return undefined;
	}
	const headers = file.headers as IncomingHttpHeaders;
	const mimeType =
		mediaType(headers) ||
		(typeof json.body === 'object' && typeof (json.body as IDataObject).mimeType === 'string'
			? String((json.body as IDataObject).mimeType)
			: 'application/octet-stream');
	const bodyName = typeof json.body === 'object' ? (json.body as IDataObject).fileName : undefined;
	const fileName =
		fileNameFrom(requestHeader(headers, 'content-disposition')) ??
		(typeof bodyName === 'string' && bodyName ? bodyName.split(/[\\/]/).pop() : undefined) ??
		(new URL(file.url).pathname.split('/').pop() || defaultFileName(mimeType));
	const binary = await ctx.helpers.prepareBinaryData(file.data, fileName, mimeType);
	json.downloaded = true;
	json.file = { fileName, mimeType, fileSize: file.data.length };
	return { [options.binaryPropertyName]: binary };
}
