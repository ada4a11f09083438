/** Files on a message: uploaded binary fields and URLs, in Dify's request form. */
import { createHash } from 'crypto';

import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { chatCalls, TOKEN } from './kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'user-42',
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n% simulated document\n', 'utf8');
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('Dify: files', () => {
	test('binary properties are uploaded (multipart "file" + same "user") and sent as local_file; URLs as remote_url', async () => {
		const result = await run(
			{
				query: 'What is in these files?',
				user: 'file-user-1',
				additionalFields: {
					files: {
						file: [
							{ source: 'binary', binaryPropertyName: 'photo', type: 'auto' },
							{ source: 'url', url: 'https://cloud.dify.ai/logo/logo-site.png', type: 'auto' },
							{ source: 'binary', binaryPropertyName: 'report', type: 'auto' },
							{ source: 'url', url: 'https://example.com/data/export', type: 'document' },
						],
					},
				},
			},
			{
				items: [
					{
						json: {},
						binary: {
							photo: {
								data: PNG.toString('base64'),
								mimeType: 'image/png',
								fileName: 'cat.png',
								fileExtension: 'png',
							},
							report: {
								data: PDF.toString('base64'),
								mimeType: 'application/pdf',
								fileName: 'q3.pdf',
								fileExtension: 'pdf',
							},
						},
					},
				],
			},
		);
		expect(result.error).toBeUndefined();

		const uploads = ctx.sim.calls('POST', '/files/upload');
		expect(uploads).toHaveLength(2);
		for (const upload of uploads) {
			expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
			expect(upload.headers.authorization).toBe(`Bearer ${TOKEN}`);
			expect(Object.keys(upload.body).sort()).toEqual(['file', 'user']);
			expect(upload.body.user).toBe('file-user-1');
		}
		expect(uploads[0].body.file).toMatchObject({ filename: 'cat.png', contentType: 'image/png' });
		expect(sha(uploads[0].body.file.data)).toBe(sha(PNG));
		expect(uploads[1].body.file).toMatchObject({
			filename: 'q3.pdf',
			contentType: 'application/pdf',
		});
		expect(sha(uploads[1].body.file.data)).toBe(sha(PDF));

		const stored = [...ctx.sim.state.uploads.values()] as Array<{
			id: string;
			name: string;
			user: string;
		}>;
		const idOf = (name: string) => stored.filter((u) => u.name === name).pop()!.id;
		const [sent] = chatCalls(ctx.sim);
		expect(sent.rejected).toBeUndefined();
		expect(sent.body.files).toEqual([
			{ type: 'image', transfer_method: 'local_file', upload_file_id: idOf('cat.png') },
			{
				type: 'image',
				transfer_method: 'remote_url',
				url: 'https://cloud.dify.ai/logo/logo-site.png',
			},
			{ type: 'document', transfer_method: 'local_file', upload_file_id: idOf('q3.pdf') },
			{ type: 'document', transfer_method: 'remote_url', url: 'https://example.com/data/export' },
		]);
		expect(sent.body.user).toBe('file-user-1');
		expect(result.items[0].json.status).toBe('succeeded');
	});

	test('an upload Dify refuses stops the item before the message is sent', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/files/upload' },
			{ status: 413, body: { code: 'file_too_large', message: '', status: 413 } },
		);
		const result = await run(
			{
				query: 'hi',
				additionalFields: {
					files: { file: [{ source: 'binary', binaryPropertyName: 'data', type: 'auto' }] },
				},
			},
			{
				items: [
					{
						json: {},
						binary: {
							data: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'big.png' },
						},
					},
				],
			},
		);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('413');
		expect(result.error?.message).toBe('Dify answered file_too_large');
		expect(chatCalls(ctx.sim)).toHaveLength(0);
	});

	test("a file uploaded for one user cannot be referenced by another (the simulator enforces Dify's user scope)", async () => {
		const upload = await fetch(`${ctx.sim.baseUrl}/files/upload`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${TOKEN}` },
			body: (() => {
				const form = new FormData();
				form.append('file', new Blob([PNG], { type: 'image/png' }), 'a.png');
				form.append('user', 'someone-else');
				return form;
			})(),
		});
		expect(upload.status).toBe(201);
		const { id } = (await upload.json()) as { id: string };
		const response = await fetch(`${ctx.sim.baseUrl}/chat-messages`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({
				query: 'q',
				inputs: {},
				user: 'me',
				files: [{ type: 'image', transfer_method: 'local_file', upload_file_id: id }],
			}),
		});
		expect(response.status).toBe(400);
	});
});
