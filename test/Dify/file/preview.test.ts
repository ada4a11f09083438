/** File → Preview: a file a message references, downloaded within Max File Size, as binary data. */
import { createHash } from 'crypto';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json, queryOf, TOKEN } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'file', operation: 'preview' });

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Upload a file for `user`, and (unless told not to) send a message that references it. */
async function uploaded(data: Buffer, name: string, mimeType: string, referenced = true) {
	const form = new FormData();
	form.append('file', new Blob([data], { type: mimeType }), name);
	form.append('user', 'file-user');
	const upload = await fetch(`${ctx.sim.baseUrl}/files/upload`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${TOKEN}` },
		body: form,
	});
	const { id } = (await upload.json()) as { id: string };
	if (referenced) {
		const sent = await fetch(`${ctx.sim.baseUrl}/chat-messages`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({
				query: 'What is in this file? sim:chat-basic',
				inputs: {},
				user: 'file-user',
				response_mode: 'blocking',
				files: [{ type: 'image', transfer_method: 'local_file', upload_file_id: id }],
			}),
		});
		expect(sent.status).toBe(200);
	}
	ctx.sim.reset();
	return id;
}
const previews = () => ctx.sim.calls('GET').filter((r) => r.path.endsWith('/preview'));

describe('Dify: File → Preview', () => {
	test('GET /files/{id}/preview?as_attachment=true; the bytes, the MIME type and the name Dify gives', async () => {
		const id = await uploaded(PNG, 'Katze im Schnee.png', 'image/png');
		const result = await run({ fileId: id });
		expect(result.error).toBeUndefined();
		const [sent] = previews();
		expect(sent.path).toBe(`/files/${id}/preview`);
		expect(queryOf(sent)).toEqual([['as_attachment', 'true']]);
		expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
		const binary = result.items[0].binary!.data;
		expect(binary).toMatchObject({ mimeType: 'image/png', fileName: 'Katze im Schnee.png' });
		expect(sha(Buffer.from(binary.data, 'base64'))).toBe(sha(PNG));
		expect(json(result)).toEqual({
			id,
			name: 'Katze im Schnee.png',
			size: PNG.length,
			extension: 'png',
			mime_type: 'image/png',
		});
	});

	test('Put Output File in Field and File Name are used; a larger file arrives whole', async () => {
		const pdf = Buffer.alloc(300 * 1024, 7);
		const id = await uploaded(pdf, 'report.pdf', 'application/pdf');
		const result = await run({
			fileId: id,
			binaryPropertyOutput: 'report',
			options: { fileName: 'q3/report.pdf' },
		});
		expect(result.error).toBeUndefined();
		const binary = result.items[0].binary!.report;
		expect(binary).toMatchObject({ mimeType: 'application/pdf', fileName: 'q3_report.pdf' });
		expect(sha(Buffer.from(binary.data, 'base64'))).toBe(sha(pdf));
	});

	test('a file past Max File Size: reading stops at the bound (not the whole file first), the item fails', async () => {
		const big = Buffer.alloc(2 * 1024 * 1024, 1);
		const id = await uploaded(big, 'big.bin', 'application/octet-stream');
		const result = await run(
			{ fileId: id, options: { maxFileSize: 0.25 } },
			{ continueOnFail: true },
		);
		expect(result.items[0].json).toMatchObject({
			error:
				"The file is larger than the node's Max File Size (0.25 MB), so the node stopped reading it",
			code: 'max_file_size_exceeded',
		});
		// the simulator writes 64 KiB a millisecond: it saw the client go away long before the end
		await new Promise((resolve) => setTimeout(resolve, 100));
		const sent = (previews()[0] as unknown as { sentBytes: number }).sentBytes;
		expect(sent).toBeLessThan(big.length);
	});

	test("a file no message references is Dify's 404 file_not_found", async () => {
		const id = await uploaded(PNG, 'cat.png', 'image/png', false);
		const result = await run({ fileId: id }, { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({
			error: 'The requested file was not found.',
			httpCode: '404',
			code: 'file_not_found',
		});
		ctx.sim.fault(
			{ path: /\/preview$/ },
			{
				status: 403,
				body: {
					status: 403,
					code: 'file_access_denied',
					message: 'Access to the requested file is denied.',
				},
			},
		);
		const denied = await run({ fileId: id });
		expect(denied.error?.httpCode).toBe('403');
		expect(denied.error?.message).toBe('Access to the requested file is denied.');
	});

	test('a File ID that is no UUID (as documented) or would change the path is refused before any request', async () => {
		const notUuid = await run({ fileId: 'file-1' });
		expect(notUuid.error?.message).toMatch(/^File ID: must be a UUID/);
		const dots = await run({ fileId: '..' });
		expect(dots.error?.message).toMatch(/^File ID: "\.\." is not an ID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
