/** File → Upload: a binary field of the item, uploaded for the User. */
import { createHash } from 'crypto';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json, TOKEN } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'file', operation: 'upload', user: 'user-42' });

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const photo = (fileName = 'cat.png') => ({
	json: {},
	binary: {
		photo: { data: PNG.toString('base64'), mimeType: 'image/png', fileName, fileExtension: 'png' },
	},
});

describe('Dify: File → Upload', () => {
	test('uploads the binary field (multipart "file" + "user") and outputs the file record with its id, which a later message can reference', async () => {
		const result = await run(
			{ binaryPropertyName: 'photo', user: 'upload-user' },
			{ items: [photo()] },
		);
		expect(result.error).toBeUndefined();
		const item = json(result);
		expect(item).toMatchObject({
			name: 'cat.png',
			size: PNG.length,
			extension: 'png',
			mime_type: 'image/png',
		});
		expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
		const [sent] = ctx.sim.calls('POST', '/files/upload');
		expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(Object.keys(sent.body).sort()).toEqual(['file', 'user']);
		expect(sent.body.user).toBe('upload-user');
		expect(sent.body.file).toMatchObject({ filename: 'cat.png', contentType: 'image/png' });
		expect(sha(sent.body.file.data)).toBe(sha(PNG));
		expect(ctx.sim.state.uploads.get(item.id)).toMatchObject({
			user: 'upload-user',
			name: 'cat.png',
		});

		// the id is what a later Send (or any request of the same user) references as upload_file_id
		const later = await fetch(`${ctx.sim.baseUrl}/chat-messages`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({
				query: 'What is in this photo? sim:chat-basic',
				inputs: {},
				user: 'upload-user',
				response_mode: 'blocking',
				files: [{ type: 'image', transfer_method: 'local_file', upload_file_id: item.id }],
			}),
		});
		expect(later.status).toBe(200);
	});

	test('a file name with a slash is uploaded without it (Dify refuses / and \\)', async () => {
		const result = await run(
			{ binaryPropertyName: 'photo', user: 'upload-user' },
			{ items: [photo('../photos/cat.png')] },
		);
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', '/files/upload')[0].body.file.filename).toBe('.._photos_cat.png');
	});

	test('a MIME type with line breaks cannot add headers or parts to the upload: only its first line is sent', async () => {
		const injected =
			'image/png\r\nX-Injected: 1\r\n\r\nbody\r\n--x\r\nContent-Disposition: form-data; name="user"';
		const result = await run(
			{ binaryPropertyName: 'photo', user: 'upload-user' },
			{
				items: [
					{
						json: {},
						binary: {
							photo: { data: PNG.toString('base64'), mimeType: injected, fileName: 'cat.png' },
						},
					},
				],
			},
		);
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST', '/files/upload');
		const raw = (sent as unknown as { raw: Buffer }).raw.toString('latin1');
		expect(raw).not.toContain('X-Injected');
		expect(raw.match(/Content-Disposition/g)).toHaveLength(2);
		expect(sent.body.user).toBe('upload-user');
		expect(sent.body.file).toMatchObject({ filename: 'cat.png', contentType: 'image/png' });
		expect(sha(sent.body.file.data)).toBe(sha(PNG));

		ctx.sim.reset();
		const garbage = await run(
			{ binaryPropertyName: 'photo', user: 'upload-user' },
			{
				items: [
					{
						json: {},
						binary: {
							photo: {
								data: PNG.toString('base64'),
								mimeType: '\r\nnot a type',
								fileName: 'a.png',
							},
						},
					},
				],
			},
		);
		expect(garbage.error).toBeUndefined();
		expect(ctx.sim.calls('POST', '/files/upload')[0].body.file.contentType).toBe(
			'application/octet-stream',
		);
	});

	test('a missing binary field or an empty User is refused before any request', async () => {
		const missing = await run({ binaryPropertyName: 'data', user: 'u' }, { items: [photo()] });
		expect(missing.error?.message).toBe(
			'Input Binary Field: the input item has no binary field "data"',
		);
		const noUser = await run(
			{ binaryPropertyName: 'photo', user: '={{ "" }}' },
			{ items: [photo()] },
		);
		expect(noUser.error?.message).toMatch(/^User: must not be empty/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("Dify's 413 file_too_large (empty message) is the error, and an upload is not retried after a 500", async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/files/upload' },
			{ status: 413, body: { code: 'file_too_large', message: '', status: 413 } },
		);
		const tooLarge = await run({ binaryPropertyName: 'photo', user: 'u' }, { items: [photo()] });
		expect(tooLarge.error?.httpCode).toBe('413');
		expect(tooLarge.error?.message).toBe('Dify answered file_too_large');
		ctx.sim.reset();
		ctx.sim.fault({ method: 'POST', path: '/files/upload' }, { status: 500 });
		const failed = await run({ binaryPropertyName: 'photo', user: 'u' }, { items: [photo()] });
		expect(failed.error?.httpCode).toBe('500');
		expect(ctx.sim.calls('POST', '/files/upload')).toHaveLength(1);
	});
});
