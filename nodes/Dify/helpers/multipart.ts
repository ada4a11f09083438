import { randomUUID } from 'crypto';

/** One part of a multipart/form-data body: a text field or a file. */
export type MultipartField =
	| { field: string; text: string }
	| { field: string; fileName: string; mimeType: string; data: Buffer };

/** A multipart/form-data body (RFC 7578) and its Content-Type with a random boundary. */
export function multipartBody(fields: MultipartField[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nDify${randomUUID().replace(/-/g, '')}`;
	const parts: Buffer[] = [];
	for (const field of fields) {
		if ('data' in field) {
			const fileName = field.fileName.replace(/"/g, '%22').replace(/[\r\n]/g, ' ');
			parts.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="${field.field}"; filename="${fileName}"\r\nContent-Type: ${field.mimeType}\r\n\r\n`,
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
