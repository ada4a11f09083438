/**
 * Document → Download: Dify answers a signed URL to the original file (on its storage, with the
 * signature in the query string). The file is fetched from there without the Knowledge API key
 * (the URL carries its own signature, and the key must not leave for another host), with the
 * item's Timeout; the URL is kept out of error messages.
 */
import type { IBinaryData, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from '../../../common/descriptions';
import { cancelSignalOf } from '../../../common/transport';

function fileNameOf(disposition: unknown, url: URL, documentId: string): string {
	const header = typeof disposition === 'string' ? disposition : '';
	const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
	let name = '';
	try {
		name = star ? decodeURIComponent(star[1].trim()) : (plain?.[1]?.trim() ?? '');
	} catch {
		name = plain?.[1]?.trim() ?? '';
	}
	if (!name) name = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
	return (name || `document-${documentId}`).replace(/[/\\]/g, '_');
}

export async function downloadSignedFile(
	ctx: IExecuteFunctions,
	i: number,
	signedUrl: string,
	documentId: string,
): Promise<{ binary: IBinaryData; fileName: string; mimeType: string; size: number }> {
	let url: URL;
	try {
		url = new URL(signedUrl);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
	} catch {
		throw new NodeApiError(ctx.getNode(), { url: signedUrl } as JsonObject, {
			message: `Dify gave no usable download URL for document ${documentId}`,
			itemIndex: i,
		});
	}
	const timeout = Number(ctx.getNodeParameter('options.timeout', i, DEFAULT_TIMEOUT_MS));
	const signal = cancelSignalOf(ctx);
	const response = (await ctx.helpers.httpRequest({
		method: 'GET',
		url: url.toString(),
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: Number.isFinite(timeout) && timeout >= 1 ? timeout : DEFAULT_TIMEOUT_MS,
		...(signal ? { abortSignal: signal } : {}),
	})) as { statusCode: number; headers: Record<string, unknown>; body: Buffer | ArrayBuffer };
	if (response.statusCode >= 400) {
		throw new NodeApiError(ctx.getNode(), { status: response.statusCode } as JsonObject, {
			message: `Could not download the file of document ${documentId}: HTTP ${response.statusCode}`,
			description:
				'Dify gave a signed download URL, but its storage refused it (an expired or revoked link, or a storage problem). Run the step again for a new link.',
			httpCode: String(response.statusCode),
			itemIndex: i,
		});
	}
	const data = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
	const fileName = fileNameOf(response.headers['content-disposition'], url, documentId);
	const contentType = String(response.headers['content-type'] ?? '')
		.split(';')[0]
		.trim();
	const mimeType = contentType || 'application/octet-stream';
	const binary = await ctx.helpers.prepareBinaryData(data, fileName, mimeType);
	return { binary, fileName, mimeType, size: data.length };
}
