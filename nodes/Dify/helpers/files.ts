/**
 * Files attached to a Dify request: read from the node's Files rows (a URL, or a binary field of
 * the input item), uploaded through `POST /files/upload` when local, and listed in Dify's request
 * form (`type`, `transfer_method`, `url` | `upload_file_id`).
 */
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiRequest } from '../../common/transport';
import { invalid, requireString, requireUrl } from '../../common/validate';
import { difyProfile } from '../transport';
import { multipartBody } from './multipart';

export const FILE_TYPES = ['image', 'document', 'audio', 'video', 'custom'] as const;
export type DifyFileType = (typeof FILE_TYPES)[number];

export type FileSpec =
	| { source: 'url'; url: string; type: DifyFileType }
	| { source: 'binary'; property: string; fileName: string; mimeType: string; type: DifyFileType };

const EXTENSIONS: Record<Exclude<DifyFileType, 'custom'>, string[]> = {
	image: ['jpg', 'jpeg', 'png', 'gif', 'webp', 'svg'],
	document: [
		'txt',
		'md',
		'markdown',
		'mdx',
		'pdf',
		'html',
		'htm',
		'xlsx',
		'xls',
		'vtt',
		'properties',
		'doc',
		'docx',
		'csv',
		'eml',
		'msg',
		'pptx',
		'ppt',
		'xml',
		'epub',
	],
	audio: ['mp3', 'm4a', 'wav', 'amr', 'mpga', 'webm'],
	video: ['mp4', 'mov', 'mpeg'],
};

/** Dify's file type from a MIME type and/or a file name; `custom` when neither says. */
export function detectFileType(
	mimeType: string | undefined,
	name: string | undefined,
): DifyFileType {
	const mime = (mimeType ?? '').toLowerCase();
	if (mime.startsWith('image/')) return 'image';
	if (mime.startsWith('audio/')) return 'audio';
	if (mime.startsWith('video/')) return 'video';
	const extension = /\.([a-z0-9]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
	if (extension) {
		for (const [type, list] of Object.entries(EXTENSIONS))
			if (list.includes(extension)) return type as DifyFileType;
	}
	if (
		mime.startsWith('text/') ||
		mime === 'application/pdf' ||
		mime.includes('officedocument') ||
		mime === 'application/msword'
	)
		return 'document';
	return 'custom';
}

/**
 * A binary field of the input item, checked (no request): its name, and the file name (without
 * / or \\, which Dify refuses) and MIME type to upload it with. `field` names the parameter.
 */
export function readBinaryField(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
): { property: string; fileName: string; mimeType: string } {
	const node = ctx.getNode();
	const property = requireString(node, i, field, value ?? '').trim();
	const binary = ctx.getInputData()[i]?.binary?.[property];
	if (!binary) throw invalid(node, i, field, `the input item has no binary field "${property}"`);
	const fileName =
		binary.fileName || `${property}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	return {
		property,
		fileName: fileName.replace(/[/\\]/g, '_'),
		mimeType: binary.mimeType || 'application/octet-stream',
	};
}

/** The Files rows of an item, checked (no request): a URL or an existing binary field each. */
export function readFiles(ctx: IExecuteFunctions, i: number, rows: IDataObject[]): FileSpec[] {
	const node = ctx.getNode();
	return rows.map((row, n) => {
		const field = `Files → File ${n + 1}`;
		const chosen = String(row.type ?? 'auto');
		if (chosen !== 'auto' && !(FILE_TYPES as readonly string[]).includes(chosen)) {
			throw invalid(
				node,
				i,
				`${field} → Type`,
				`must be one of auto, ${FILE_TYPES.join(', ')}, got "${chosen}"`,
			);
		}
		if ((row.source ?? 'url') === 'binary') {
			const file = readBinaryField(ctx, i, `${field} → Input Binary Field`, row.binaryPropertyName);
			const type =
				chosen === 'auto' ? detectFileType(file.mimeType, file.fileName) : (chosen as DifyFileType);
			return { source: 'binary', ...file, type };
		}
		const url = requireUrl(node, i, `${field} → URL`, row.url);
		const type =
			chosen === 'auto'
				? detectFileType(undefined, new URL(url).pathname)
				: (chosen as DifyFileType);
		return { source: 'url', url, type };
	});
}

/** Upload one binary field of the item (`POST /files/upload`, multipart) and return Dify's upload record. */
export async function uploadBinary(
	ctx: IExecuteFunctions,
	i: number,
	user: string,
	file: { property: string; fileName: string; mimeType: string },
): Promise<IDataObject & { id: string }> {
	const data = await ctx.helpers.getBinaryDataBuffer(i, file.property);
	const { body, contentType } = multipartBody([
		{ field: 'file', fileName: file.fileName, mimeType: file.mimeType, data },
		{ field: 'user', text: user },
	]);
	const response = await apiRequest<IDataObject>(ctx, difyProfile, {
		method: 'POST',
		path: '/files/upload',
		body,
		headers: { 'Content-Type': contentType },
		itemIndex: i,
	});
	const id = response.body?.id;
	if (typeof id !== 'string' || !id) {
		throw new NodeApiError(ctx.getNode(), (response.body ?? {}) as JsonObject, {
			message: `Dify did not return a file ID for "${file.fileName}"`,
			itemIndex: i,
		});
	}
	return response.body as IDataObject & { id: string };
}

/** The files in Dify's request form, uploading the local ones first (in order). */
export async function fileReferences(
	ctx: IExecuteFunctions,
	i: number,
	user: string,
	files: FileSpec[],
): Promise<IDataObject[]> {
	const list: IDataObject[] = [];
	for (const file of files) {
		if (file.source === 'url') {
			list.push({ type: file.type, transfer_method: 'remote_url', url: file.url });
		} else {
			const { id } = await uploadBinary(ctx, i, user, file);
			list.push({ type: file.type, transfer_method: 'local_file', upload_file_id: id });
		}
	}
	return list;
}
