import { randomUUID } from 'crypto';

/** One part of a multipart/form-data body: a text field or a file. */
export type MultipartField =
	| { field: string; text: string }
	| { field: string; fileName: string; mimeType: string; data: Buffer };

/** `type/subtype` with optional parameters, as RFC 6838 / RFC 9110 allow in a header. */
const MIME_TYPE =
	/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(?:\s*;\s*[\w!#$&^.+-]+=(?:[\w!#$&^.+-]+|"[^"\\]*"))*$/;

/**
 * A file's MIME type as it may go into its part header: the text before any line break or other
 * control character (a binary field's type can come from anywhere, e.g. another server's
 * header), or `application/octet-stream` when that is no MIME type.
 */
export function safeMimeType(mimeType: string): string {
	// eslint-disable-next-line no-control-regex
	const firstLine = mimeType.split(/[\u0000-\u001f\u007f]/, 1)[0].trim();
	return MIME_TYPE.test(firstLine) ? firstLine : 'application/octet-stream';
}

/** A multipart/form-data body (RFC 7578) and its Content-Type with a random boundary. */
export function multipartBody(fields: MultipartField[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nDify${randomUUID().replace(/-/g, '')}`;
	const parts: Buffer[] = [];
	for (const field of fields) {
		if ('data' in field) {
			const fileName = field.fileName.replace(/"/g, '%22').replace(/[\r\n]/g, ' ');
			parts.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="${field.field}"; filename="${fileName}"\r\nContent-Type: ${safeMimeType(field.mimeType)}\r\n\r\n`,
				),
				field.data,
				Buffer.from('\r\n'),
			);
		} else {
			parts.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="${field.field}"\r\n\r\n${field.text}\r\n`,
				),
			);
		}
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
