import { createHash } from 'crypto';

import { allText, useSimulator } from '../helpers';
import { chatCalls, runDify, TOKEN } from './difyTestKit';
import {
	json,
	persistent429,
	resources,
	runOperation,
	runWithKey,
	WRONG_KEY,
} from './resourcesKit';

const ctx = useSimulator('dify');

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
		const result = await runOperation(
			ctx.sim,
			'file',
			'upload',
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
		const result = await runOperation(
			ctx.sim,
			'file',
			'upload',
			{ binaryPropertyName: 'photo', user: 'upload-user' },
			{ items: [photo('../photos/cat.png')] },
		);
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', '/files/upload')[0].body.file.filename).toBe('.._photos_cat.png');
	});

	test('a missing binary field or an empty User is refused before any request', async () => {
		const missing = await runOperation(
			ctx.sim,
			'file',
			'upload',
			{ binaryPropertyName: 'data', user: 'u' },
			{ items: [photo()] },
		);
		expect(missing.error?.message).toBe(
			'Input Binary Field: the input item has no binary field "data"',
		);
		const noUser = await runOperation(
			ctx.sim,
			'file',
			'upload',
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
		const tooLarge = await runOperation(
			ctx.sim,
			'file',
			'upload',
			{ binaryPropertyName: 'photo', user: 'u' },
			{ items: [photo()] },
		);
		expect(tooLarge.error?.httpCode).toBe('413');
		expect(tooLarge.error?.message).toBe('Dify answered file_too_large');
		ctx.sim.reset();
		ctx.sim.fault({ method: 'POST', path: '/files/upload' }, { status: 500 });
		const failed = await runOperation(
			ctx.sim,
			'file',
			'upload',
			{ binaryPropertyName: 'photo', user: 'u' },
			{ items: [photo()] },
		);
		expect(failed.error?.httpCode).toBe('500');
		expect(ctx.sim.calls('POST', '/files/upload')).toHaveLength(1);
	});
});

describe('Dify: App → Get Info, Get Parameters, Get Meta', () => {
	test.each([
		['getInfo', '/info', { name: 'Simulated chat app', mode: 'chat' }],
		['getParameters', '/parameters', { user_input_form: [{ 'text-input': { variable: 'city' } }] }],
		['getMeta', '/meta', { tool_icons: { dalle3: 'https://example.com/icons/dalle3.png' } }],
	])('%s: GET %s, one item as Dify answers it', async (operation, path, expected) => {
		const result = await runOperation(ctx.sim, 'app', operation);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(json(result)).toMatchObject(expected);
		const calls = ctx.sim.requests;
		expect(calls.map((r) => [r.method, r.path])).toEqual([['GET', path]]);
		expect(calls[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect((calls[0] as { rawQuery?: string }).rawQuery).toBe('');
	});

	test('a transient 503 is retried: one item, two requests', async () => {
		ctx.sim.fault({ method: 'GET', path: '/info' }, { status: 503 });
		const result = await runOperation(ctx.sim, 'app', 'getInfo');
		expect(result.items).toHaveLength(1);
		expect(ctx.sim.calls('GET', '/info')).toHaveLength(2);
	});

	test('401 with a wrong key (the key appears nowhere); 404 and 429 mapped', async () => {
		const unauthorized = await runWithKey(ctx.sim, WRONG_KEY, {
			resource: 'app',
			operation: 'getMeta',
		});
		expect(unauthorized.error?.httpCode).toBe('401');
		expect(allText(unauthorized.run)).not.toContain(WRONG_KEY);
		ctx.sim.fault(
			{ path: '/parameters' },
			{ status: 404, body: { code: 'not_found', message: 'App not found', status: 404 } },
		);
		const missing = await runOperation(ctx.sim, 'app', 'getParameters');
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.message).toBe('App not found');
		persistent429(ctx.sim, '/info');
		const limited = await runOperation(ctx.sim, 'app', 'getInfo');
		expect(limited.error?.httpCode).toBe('429');
	});
});

describe('Dify: Chat Message → Get Suggested Questions', () => {
	test("after an answer: GET /messages/{id}/suggested?user=…; outputs message_id and Dify's list", async () => {
		const sent = await runDify(ctx.sim, {
			query: 'What are the specs of the iPhone 13 Pro Max?',
			user: 'suggest-user',
		});
		const messageId = String(sent.items[0].json.message_id);
		ctx.sim.reset();
		const result = await runOperation(ctx.sim, 'chatMessage', 'getSuggested', {
			messageId,
			user: 'suggest-user',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				message_id: messageId,
				result: 'success',
				data: [
					'How heavy is the iPhone 13 Pro Max?',
					'What colours does it come in?',
					'How long does its battery last?',
				],
			},
		]);
		const [call] = ctx.sim.requests;
		expect([call.method, call.path]).toEqual(['GET', `/messages/${messageId}/suggested`]);
		expect((call as { rawQuery?: string }).rawQuery).toBe('?user=suggest-user');
	});

	test("the feature switched off is Dify's 400 bad_request; another user's message 404", async () => {
		const store = resources.storeOf(ctx.sim.state);
		store.suggestionsDisabled = true;
		try {
			const off = await runOperation(ctx.sim, 'chatMessage', 'getSuggested', {
				messageId: resources.DOCS_MESSAGE,
				user: 'abc-123',
			});
			expect(off.error?.httpCode).toBe('400');
			expect(off.error?.message).toBe('Suggested Questions Is Disabled.');
		} finally {
			store.suggestionsDisabled = false;
		}
		const other = await runOperation(ctx.sim, 'chatMessage', 'getSuggested', {
			messageId: resources.DOCS_MESSAGE,
			user: 'someone-else',
		});
		expect(other.error?.httpCode).toBe('404');
		expect(other.error?.message).toBe('Message Not Exists.');
		persistent429(ctx.sim, `/messages/${resources.DOCS_MESSAGE}/suggested`);
		const limited = await runOperation(ctx.sim, 'chatMessage', 'getSuggested', {
			messageId: resources.DOCS_MESSAGE,
			user: 'abc-123',
		});
		expect(limited.error?.httpCode).toBe('429');
	});

	test.each([
		['a Message ID that is no UUID', { messageId: '42' }, /^Message ID: must be a UUID/],
		['an empty User (from an expression)', { user: '={{ "" }}' }, /^User: must not be empty/],
	])('%s is refused before any request', async (_, parameters, message) => {
		const result = await runOperation(ctx.sim, 'chatMessage', 'getSuggested', {
			messageId: resources.DOCS_MESSAGE,
			user: 'abc-123',
			...parameters,
		});
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
		expect(chatCalls(ctx.sim)).toHaveLength(0);
	});
});
