/**
 * The export callback as the one item the workflow gets, shared by the Zaia Trigger and the Zaia
 * node's "Wait for the Export".
 */
import type {
	IBinaryData,
	IBinaryKeyData,
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { DownloadOptions } from './download';
import { downloadInto, findDownloadUrl } from './download';
import type { CallbackRequest, IncomingHttpHeaders } from './request';
import { defaultFileName, fileNameFrom, mediaType, requestHeader } from './request';

export interface CallbackItemOptions extends DownloadOptions {
	/** Download the file a JSON callback points at into binary. */
	downloadFile: boolean;
	/** Dot path of the download URL in the JSON; empty = look for the usual names. */
	downloadUrlField?: string;
	/** Header and query names removed from the output (where secrets travel). */
	hiddenHeaders: string[];
	hiddenQuery: string[];
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

/**
 * Turn a received callback into the one item the workflow gets. Zaia documents only that "a POST
 * will be made to callbackUrl when ready", so every plausible form is handled:
 *  - JSON (application/json, *+json): output as is in `body`;
 *  - JSON that points at a file (a `downloadUrl`/`url`/... field holding an http(s) URL): output
 *    as JSON with `downloadUrl`, and, when asked, the file downloaded into binary;
 *  - a file body (CSV, XLSX, ZIP, ... or anything that is not JSON/form data): binary, with the
 *    file name from Content-Disposition and the MIME type from Content-Type;
 *  - multipart/form-data: every uploaded file becomes a binary property, the fields go to `body`;
 *  - form-urlencoded: the fields in `body`.
 * The raw headers (minus the secret) are always kept.
 */
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
