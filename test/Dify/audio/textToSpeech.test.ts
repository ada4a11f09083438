/** Audio → Text to Speech: Dify's audio as a binary file, with its MIME type and a file name. */
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { appStore, audioFiles, json, TOKEN } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'audio',
	operation: 'textToSpeech',
	user: 'voice-user',
});
beforeEach(() => ctx.sim.reset({ resetState: true }));

const ttsCalls = () => ctx.sim.calls('POST', '/text-to-audio');
const bytesOf = (result: Awaited<ReturnType<typeof run>>, field = 'data') =>
	Buffer.from(result.items[0].binary![field].data, 'base64');

describe('Dify: Audio → Text to Speech', () => {
	test('POST /text-to-audio with text and user; the WAV Dify answers is the binary "data" (audio/wav, speech.wav)', async () => {
		const result = await run({ text: 'Welcome to our service.' });
		expect(result.error).toBeUndefined();
		const [sent] = ttsCalls();
		expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(sent.headers['content-type']).toBe('application/json');
		expect(sent.headers.accept).toBe('audio/*');
		expect(sent.body).toEqual({ text: 'Welcome to our service.', user: 'voice-user' });
		const { binary } = result.items[0];
		expect(binary?.data).toMatchObject({
			mimeType: 'audio/wav',
			fileName: 'speech.wav',
			fileExtension: 'wav',
		});
		const audio = bytesOf(result);
		expect(audioFiles.audioFormat(audio)).toBe('wav');
		expect(audioFiles.transcript(audio)).toBe('Welcome to our service.');
		expect(json(result)).toEqual({
			name: 'speech.wav',
			size: audio.length,
			extension: 'wav',
			mime_type: 'audio/wav',
		});
		expect((sent as unknown as { audio: { bytes: number } }).audio.bytes).toBe(audio.length);
	});

	test('audio/mpeg streamed in chunks (a streaming TTS provider) becomes speech.mp3, whole; Voice is sent', async () => {
		appStore.storeOf(ctx.sim.state).ttsFormat = 'mpeg';
		const result = await run({
			text: 'Grüße aus Zürich 👋',
			additionalFields: { voice: 'alloy' },
			binaryPropertyOutput: 'speech',
			options: { fileName: 'greeting.mp3' },
		});
		expect(result.error).toBeUndefined();
		expect(ttsCalls()[0].body).toEqual({
			text: 'Grüße aus Zürich 👋',
			user: 'voice-user',
			voice: 'alloy',
		});
		expect(result.items[0].binary?.speech).toMatchObject({
			mimeType: 'audio/mpeg',
			fileName: 'greeting.mp3',
		});
		const audio = bytesOf(result, 'speech');
		expect(audio.length).toBe((ttsCalls()[0] as unknown as { sentBytes: number }).sentBytes);
		expect(audioFiles.transcript(audio)).toBe('Grüße aus Zürich 👋');
		expect(json(result).mime_type).toBe('audio/mpeg');
	});

	test("A Message's Answer: sends message_id, and Dify speaks that message's answer", async () => {
		const chat = await nodeRunner(ctx, specs.dify, {
			resource: 'chatMessage',
			operation: 'send',
			user: 'voice-user',
		})({ query: 'What are the specs of the iPhone 13 Pro Max?' });
		const { message_id: messageId, answer } = chat.items[0].json as IDataObject;
		ctx.sim.reset();
		const result = await run({ source: 'message', messageId });
		expect(result.error).toBeUndefined();
		expect(ttsCalls()[0].body).toEqual({ message_id: messageId, user: 'voice-user' });
		expect(audioFiles.transcript(bytesOf(result))).toBe(answer);
	});

	test('a file larger than Max File Size fails the item with max_file_size_exceeded', async () => {
		const words = Array.from({ length: 80 }, (_, n) => `word${n}`).join(' ');
		const result = await run(
			{ text: words, options: { maxFileSize: 0.01 } },
			{ continueOnFail: true },
		);
		expect(result.items[0].json).toMatchObject({
			error:
				"The audio is larger than the node's Max File Size (0.01 MB), so the node stopped reading it",
			code: 'max_file_size_exceeded',
			retryable: false,
		});
		expect(result.items[0].binary).toBeUndefined();
	});

	test('bad input is refused before any request: empty text, a Message ID that is no UUID, an empty output field', async () => {
		const empty = await run({ text: '={{ "" }}' });
		expect(empty.error?.message).toMatch(/^Text: must not be empty/);
		const message = await run({ source: 'message', messageId: 'msg-1' });
		expect(message.error?.message).toMatch(/^Message ID: must be a UUID/);
		const field = await run({ text: 'hi', binaryPropertyOutput: '={{ "" }}' });
		expect(field.error?.message).toMatch(/^Put Output File in Field: must not be empty/);
		const size = await run({ text: 'hi', options: { maxFileSize: 0 } });
		expect(size.error?.message).toMatch(/^Max File Size: must be a number above 0/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("Dify's refusals are the error: 400 invalid_param when TTS is off, 404 for an unknown message", async () => {
		appStore.storeOf(ctx.sim.state).textToSpeech = false;
		const off = await run({ text: 'hi' });
		expect(off.error?.httpCode).toBe('400');
		expect(off.error?.message).toBe('TTS is not enabled');
		appStore.storeOf(ctx.sim.state).textToSpeech = true;
		const unknown = await run(
			{ source: 'message', messageId: '00000000-0000-4000-8000-000000000000' },
			{ continueOnFail: true },
		);
		expect(unknown.items[0].json).toMatchObject({ httpCode: '404', code: 'not_found' });
	});
});
