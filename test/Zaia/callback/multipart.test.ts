/**
 * The size check of a multipart callback counts what was received. n8n parses multipart/form-data
 * itself (formidable) before the node runs: the node gets `{ data, files }` with each file's size
 * and no raw body, and a chunked upload has no Content-Length. (The webhook harness keeps raw
 * bodies of every type, so the request here is shaped the way n8n hands it over.)
 */
import type { CallbackRequest } from '../../../nodes/Zaia/callback/request';
import { bodySize } from '../../../nodes/Zaia/callback/flow';

/** A multipart request as n8n hands it to a webhook after parsing it. */
function multipart(headers: Record<string, string>, sizes: number[]): CallbackRequest {
	return {
		method: 'POST',
		headers: { 'content-type': 'multipart/form-data; boundary=x', ...headers },
		query: {},
		body: {
			data: { exportId: 'e-1', status: 'completed' },
			files: {
				file: sizes.map((size, n) => ({
					filepath: `/tmp/upload-${n}`,
					originalFilename: `part-${n}.csv`,
					mimetype: 'text/csv',
					size,
				})),
			},
		},
		rawBody: undefined,
	};
}

describe('Zaia callbacks: the size of a multipart body', () => {
	const fields = Buffer.byteLength(JSON.stringify({ exportId: 'e-1', status: 'completed' }));

	test('a chunked upload (no Content-Length) is counted by the files and fields received', () => {
		const request = multipart({ 'transfer-encoding': 'chunked' }, [30 * 1024 * 1024, 1024]);
		expect(bodySize(request)).toBe(30 * 1024 * 1024 + 1024 + fields);
	});

	test('a single file entry (not a list) counts too', () => {
		const request = multipart({}, []);
		(request.body as { files: Record<string, unknown> }).files = {
			file: { filepath: '/tmp/x', size: 2048 },
		};
		expect(bodySize(request)).toBe(2048 + fields);
	});

	test('a Content-Length that claims less than was received does not hide the rest', () => {
		expect(bodySize(multipart({ 'content-length': '10' }, [5 * 1024 * 1024]))).toBe(
			5 * 1024 * 1024 + fields,
		);
	});

	test('a Content-Length that says more is still refused early', () => {
		expect(bodySize(multipart({ 'content-length': String(900 * 1024 * 1024) }, [10]))).toBe(
			900 * 1024 * 1024,
		);
	});

	test('other bodies: the raw bytes n8n read', () => {
		expect(
			bodySize({
				method: 'POST',
				headers: { 'content-type': 'text/csv' },
				query: {},
				body: undefined,
				rawBody: Buffer.alloc(4096),
			}),
		).toBe(4096);
	});
});
