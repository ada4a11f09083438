import { createHash } from 'crypto';
import { ExecutionLifecycleHooks } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { useSimulator } from '../helpers';
import { chatCalls, expectedItem, runDify, TOKEN } from './difyTestKit';

const ctx = useSimulator('dify');

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n% simulated document\n', 'utf8');
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('Dify: files', () => {
	test('binary properties are uploaded (multipart "file" + same "user") and sent as local_file; URLs as remote_url', async () => {
		const result = await runDify(
			ctx.sim,
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
		const result = await runDify(
			ctx.sim,
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

/** A stand-in for the HTTP response n8n streams a workflow's answer into: records every write. */
class RecordingResponse {
	writes: string[] = [];
	flushes = 0;
	write(data: string) {
		this.writes.push(data);
		return true;
	}
	flush() {
		this.flushes++;
	}
	get chunks(): Array<{ type: string; content?: string; metadata: IDataObject }> {
		return this.writes.map((line) => JSON.parse(line));
	}
}

/**
 * n8n's workflow runner registers a `sendChunk` lifecycle hook when the execution streams
 * (`streamingEnabled`) and writes each chunk as one JSON line to `httpResponse`; the same handler here.
 */
function chunkHook(response: RecordingResponse) {
	return (hooks: ExecutionLifecycleHooks) =>
		hooks.addHandler('sendChunk', async (chunk: unknown) => {
			response.write(JSON.stringify(chunk) + '\n');
			response.flush();
		});
}

describe("Dify: answer chunks forwarded live to n8n's chat", () => {
	test('begin, one item per answer chunk, end — and the aggregated item is still returned', async () => {
		const response = new RecordingResponse();
		const result = await runDify(
			ctx.sim,
			{ query: 'sim:chat-unicode +bytes' },
			{
				onHooks: chunkHook(response),
				additionalData: { streamingEnabled: true, httpResponse: response } as never,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual(await expectedItem('chat-unicode'));
		// live: the first text went out before the simulator had finished writing the stream
		const streamEndedAt = (chatCalls(ctx.sim)[0] as unknown as { streamEndedAt: number })
			.streamEndedAt;
		const firstItem = response.chunks.find((c) => c.type === 'item')!;
		expect(firstItem.metadata.timestamp as number).toBeLessThan(streamEndedAt);

		const chunks = response.chunks;
		expect(chunks[0].type).toBe('begin');
		expect(chunks[chunks.length - 1].type).toBe('end');
		const items = chunks.filter((c) => c.type === 'item');
		expect(items.length).toBe(16);
		expect(items.map((c) => c.content).join('')).toBe(result.items[0].json.answer);
		for (const chunk of chunks)
			expect(chunk.metadata).toMatchObject({ nodeName: 'Node Under Test', itemIndex: 0 });
		expect(response.flushes).toBe(chunks.length);
	});

	test('New Agent: agent_message deltas are forwarded and the closing full message is not sent again', async () => {
		const response = new RecordingResponse();
		const result = await runDify(
			ctx.sim,
			{ query: 'sim:new-agent' },
			{
				onHooks: chunkHook(response),
				additionalData: { streamingEnabled: true, httpResponse: response } as never,
			},
		);
		const text = response.chunks
			.filter((c) => c.type === 'item')
			.map((c) => c.content)
			.join('');
		expect(text).toBe('In Paris it is 18 °C and cloudy ☁️.');
		expect(text).toBe(result.items[0].json.answer);
	});

	test('a failed stream sends an error chunk and end after the partial text', async () => {
		const response = new RecordingResponse();
		const result = await runDify(
			ctx.sim,
			{ query: 'sim:error-event' },
			{
				onHooks: chunkHook(response),
				additionalData: { streamingEnabled: true, httpResponse: response } as never,
				continueOnFail: true,
			},
		);
		expect(result.items[0].json.error).toBe('Completion request failed.');
		const types = response.chunks.map((c) => c.type);
		expect(types).toEqual(['begin', 'item', 'item', 'error', 'end']);
		expect(response.chunks[3].content).toBe('Completion request failed.');
	});

	test('a blocking answer reaches the chat in one piece', async () => {
		const response = new RecordingResponse();
		const result = await runDify(
			ctx.sim,
			{ query: 'hi', additionalFields: { responseMode: 'blocking' } },
			{
				onHooks: chunkHook(response),
				additionalData: { streamingEnabled: true, httpResponse: response } as never,
			},
		);
		expect(response.chunks.map((c) => [c.type, c.content])).toEqual([
			['begin', undefined],
			['item', result.items[0].json.answer],
			['end', undefined],
		]);
	});

	test('two items forward their chunks under their own item index', async () => {
		const response = new RecordingResponse();
		const result = await runDify(
			ctx.sim,
			{ query: '={{ $json.q }}' },
			{
				onHooks: chunkHook(response),
				items: [{ q: 'sim:agent-chat' }, { q: 'sim:chat-basic' }],
				additionalData: { streamingEnabled: true, httpResponse: response } as never,
			},
		);
		expect(result.error).toBeUndefined();
		const textOf = (index: number) =>
			response.chunks
				.filter((c) => c.type === 'item' && c.metadata.itemIndex === index)
				.map((c) => c.content)
				.join('');
		expect(textOf(0)).toBe('Here is the image: a cute cat.');
		expect(textOf(1)).toBe(' I');
	});

	test('nothing is forwarded when the execution does not stream, or when the option is off', async () => {
		const response = new RecordingResponse();
		const notStreaming = await runDify(
			ctx.sim,
			{ query: 'sim:chat-unicode' },
			{ additionalData: { httpResponse: response } as never },
		);
		expect(notStreaming.error).toBeUndefined();
		const optionOff = await runDify(
			ctx.sim,
			{ query: 'sim:chat-unicode', options: { forwardChunks: false } },
			{
				onHooks: chunkHook(response),
				additionalData: { streamingEnabled: true, httpResponse: response } as never,
			},
		);
		expect(optionOff.items[0].json.answer).toBe(notStreaming.items[0].json.answer);
		expect(response.writes).toHaveLength(0);
	});
});
