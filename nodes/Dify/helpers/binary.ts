/**
 * Files Dify answers with (Text to Speech audio, File → Preview), as n8n binary data: the body is
 * read within the node's Max File Size (reading stops and the body is closed at the bound, before
 * the rest arrives), the MIME type comes from Content-Type and the file name from
 * Content-Disposition, else a default name with the type's extension.
 */
import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { attachFailure } from '../../common/errors';
import { requireString } from '../../common/validate';
import { safeMimeType } from './multipart';
import { requirePositiveNumber } from './parameters';
import { closeBody } from './stream/body';

/** Max File Size, in MB: Dify's largest upload (video) is 100 MB by default. */
export const DEFAULT_MAX_FILE_MB = 100;
export const MAX_FILE_MB_LIMIT = 1024;

/** Where the file goes, and the Options a downloaded file offers (read by `readFileTarget`). */
export const outputBinaryProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyOutput',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

export const fileOptions: INodeProperties[] = [
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'answer.mp3',
		description:
			'The name of the output file. Leave empty for the name Dify gives, or one with the extension of its type.',
	},
	{
		displayName: 'Max File Size',
		name: 'maxFileSize',
		type: 'number',
		typeOptions: { minValue: 0.01, maxValue: MAX_FILE_MB_LIMIT, numberPrecision: 2 },
		default: DEFAULT_MAX_FILE_MB,
		description:
			'The largest file to accept, in MB. The node stops reading a larger one and fails the item.',
	},
];

export interface FileTarget {
	property: string;
	fileName?: string;
	maxBytes: number;
}

/** The output field, file name and size bound of an item (checked, no request). */
export function readFileTarget(ctx: IExecuteFunctions, i: number): FileTarget {
	const node = ctx.getNode();
	const property = requireString(
		node,
		i,
		'Put Output File in Field',
		ctx.getNodeParameter('binaryPropertyOutput', i, 'data'),
	).trim();
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const fileName = typeof options.fileName === 'string' ? options.fileName.trim() : '';
	const mb = requirePositiveNumber(
		node,
		i,
		'Max File Size',
		options.maxFileSize ?? DEFAULT_MAX_FILE_MB,
		MAX_FILE_MB_LIMIT,
	);
	return {
		property,
		fileName: fileName ? safeFileName(fileName) : undefined,
		maxBytes: Math.floor(mb * 1048576),
	};
}

/** A file name without path separators or control characters. */
function safeFileName(name: string): string {
	// eslint-disable-next-line no-control-regex
	return name.replace(/[/\\\u0000-\u001f\u007f]/g, '_');
}

const EXTENSIONS: Record<string, string> = {
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/mpga': 'mp3',
	'audio/wav': 'wav',
	'audio/wave': 'wav',
	'audio/x-wav': 'wav',
	'audio/ogg': 'ogg',
	'audio/opus': 'opus',
	'audio/aac': 'aac',
	'audio/flac': 'flac',
	'audio/webm': 'webm',
	'audio/mp4': 'm4a',
	'audio/m4a': 'm4a',
	'audio/amr': 'amr',
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/gif': 'gif',
	'image/webp': 'webp',
	'image/svg+xml': 'svg',
	'application/pdf': 'pdf',
	'text/plain': 'txt',
	'text/markdown': 'md',
	'text/csv': 'csv',
	'application/json': 'json',
	'video/mp4': 'mp4',
};

/** The MIME type of a response (without its parameters), `application/octet-stream` when none. */
export function mimeTypeOf(contentType: unknown): string {
	const value = Array.isArray(contentType) ? contentType[0] : contentType;
	if (typeof value !== 'string' || !value.trim()) return 'application/octet-stream';
	return safeMimeType(value.split(';')[0].trim().toLowerCase());
}

export function extensionOf(mimeType: string): string | undefined {
	return EXTENSIONS[mimeType];
}

/** The file name of a Content-Disposition header (`filename*` first), when it has one. */
export function fileNameOf(contentDisposition: unknown): string | undefined {
	const value = Array.isArray(contentDisposition) ? contentDisposition[0] : contentDisposition;
	if (typeof value !== 'string') return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(value);
	let name: string | undefined;
	if (extended) {
		try {
			name = decodeURIComponent(extended[1].trim());
		} catch {
			name = undefined;
		}
	}
	name ??=
		/filename\s*=\s*"([^"]*)"/.exec(value)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(value)?.[1];
	const safe = name ? safeFileName(name.trim()) : '';
	return safe || undefined;
}

/**
 * A body read into memory, at most `maxBytes`: past the bound the body is closed at once and the
 * item fails with `max_file_size_exceeded` (what it names is `what`, e.g. "The audio").
 */
export async function readBoundedBody(
	ctx: IExecuteFunctions,
	i: number,
	body: unknown,
	maxBytes: number,
	what: string,
): Promise<Buffer> {
	if (Buffer.isBuffer(body)) return body;
	if (typeof body === 'string') return Buffer.from(body);
	const chunks: Buffer[] = [];
	let size = 0;
	let tooLarge = false;
	for await (const chunk of body as AsyncIterable<Buffer | string>) {
		const piece = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		size += piece.length;
		if (size > maxBytes) {
			tooLarge = true;
			break;
		}
		chunks.push(piece);
	}
	if (tooLarge) {
		closeBody(body);
		throw attachFailure(
			new NodeOperationError(
				ctx.getNode(),
				`${what} is larger than the node's Max File Size (${Number((maxBytes / 1048576).toFixed(2))} MB), so the node stopped reading it`,
				{
					itemIndex: i,
					description: 'Raise Options → Max File Size to accept larger files.',
				},
			),
			{ code: 'max_file_size_exceeded', retryable: false },
		);
	}
	return Buffer.concat(chunks);
}

/** The n8n binary data of a downloaded file, and the item fields that describe it. */
export async function binaryFile(
	ctx: IExecuteFunctions,
	data: Buffer,
	mimeType: string,
	fileName: string,
): Promise<{ binary: IBinaryData; json: IDataObject }> {
	const binary = await ctx.helpers.prepareBinaryData(data, fileName, mimeType);
	const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? null;
	return {
		binary,
		json: { name: fileName, size: data.length, extension, mime_type: mimeType },
	};
}
