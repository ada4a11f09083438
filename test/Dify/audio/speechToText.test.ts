/** Audio → Speech to Text: a binary field of the item, uploaded as multipart, Dify's text as the item. */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { allText, useSimulator } from '../../helpers';
import { appStore, audioFiles, json, TOKEN, WRONG_KEY } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'audio',
	operation: 'speechToText',
	user: 'voice-user',
});
beforeEach(() => ctx.sim.reset({ resetState: true }));

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const QUESTION = 'What are the specs of the iPhone 13 Pro Max?';
const item = (data: Buffer, mimeType: string, fileName: string, field = 'data') => ({
	json: {},
	binary: { [field]: { data: data.toString('base64'), mimeType, fileName } },
});
const sttCalls = () => ctx.sim.calls('POST', '/audio-to-text');

describe('Dify: Audio → Speech to Text', () => {
	test('sends the binary field as multipart "file" + "user" and outputs Dify\'s "text"', async () => {
		const wav = audioFiles.wav(QUESTION);
		const result = await run({}, { items: [item(wav, 'audio/wav', 'question.wav')] });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ text: QUESTION }]);
		const [sent] = sttCalls();
		expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(Object.keys(sent.body).sort()).toEqual(['file', 'user']);
		expect(sent.body.user).toBe('voice-user');
		expect(sent.body.file).toMatchObject({ filename: 'question.wav', contentType: 'audio/wav' });
		expect(sha(sent.body.file.data)).toBe(sha(wav));
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test.each([
		['audio/mpeg', 'audio/mp3'],
		['audio/x-wav', 'audio/wav'],
		['audio/mp4', 'audio/m4a'],
		['audio/mp3', 'audio/mp3'],
	])('%s (which Dify refuses or names otherwise) is sent as %s', async (mimeType, sentType) => {
		const mp3 = audioFiles.mp3('Hola');
		const result = await run({}, { items: [item(mp3, mimeType, 'voice.mp3')] });
		expect(result.error).toBeUndefined();
		expect(json(result).text).toBe('Hola');
		expect(sttCalls()[0].body.file.contentType).toBe(sentType);
	});

	test('each item is its own request, from the binary field the parameter names', async () => {
		const result = await run(
			{ binaryPropertyName: '={{ $json.field }}' },
			{
				items: [
					{ ...item(audioFiles.wav('first'), 'audio/wav', 'a.wav', 'one'), json: { field: 'one' } },
					{
						...item(audioFiles.wav('second'), 'audio/wav', 'b.wav', 'two'),
						json: { field: 'two' },
					},
				],
			},
		);
		expect(result.items.map((i) => i.json.text)).toEqual(['first', 'second']);
		expect(sttCalls().map((r) => r.body.file.filename)).toEqual(['a.wav', 'b.wav']);
	});

	test('a missing binary field or an empty User is refused before any request', async () => {
		const wav = audioFiles.wav('x');
		const missing = await run(
			{ binaryPropertyName: 'audio' },
			{ items: [item(wav, 'audio/wav', 'a.wav')] },
		);
		expect(missing.error?.message).toBe(
			'Input Binary Field: the input item has no binary field "audio"',
		);
		const noUser = await run({ user: '={{ "" }}' }, { items: [item(wav, 'audio/wav', 'a.wav')] });
		expect(noUser.error?.message).toMatch(/^User: must not be empty/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("Dify's documented refusals: 415 unsupported_audio_type, 413 audio_too_large, 400 speech_to_text_disabled", async () => {
		const ogg = await run({}, { items: [item(Buffer.from('OggS'), 'audio/ogg', 'a.ogg')] });
		expect(ogg.error?.httpCode).toBe('415');
		expect(ogg.error?.message).toBe('Audio type not allowed.');
		expect(ogg.error?.description).toContain('unsupported_audio_type');

		appStore.storeOf(ctx.sim.state).audioLimitBytes = 100;
		const large = await run({}, { items: [item(audioFiles.wav('long'), 'audio/wav', 'a.wav')] });
		expect(large.error?.httpCode).toBe('413');
		expect(large.error?.message).toBe('Audio size larger than 30 mb');

		appStore.storeOf(ctx.sim.state).speechToText = false;
		const off = await run(
			{},
			{ items: [item(audioFiles.wav('x'), 'audio/wav', 'a.wav')], continueOnFail: true },
		);
		expect(off.items[0].json as IDataObject).toMatchObject({
			error: 'Speech to text is disabled.',
			httpCode: '400',
			code: 'speech_to_text_disabled',
			retryable: false,
		});
	});

	test('401 with a wrong key (the key appears nowhere); a 500 is not retried (the upload could count twice)', async () => {
		const wav = audioFiles.wav('x');
		const unauthorized = await run(
			{},
			{ items: [item(wav, 'audio/wav', 'a.wav')], credential: { apiKey: WRONG_KEY } },
		);
		expect(unauthorized.error?.httpCode).toBe('401');
		expect(allText(unauthorized.run)).not.toContain(WRONG_KEY);
		ctx.sim.reset();
		ctx.sim.fault({ method: 'POST', path: '/audio-to-text' }, { status: 500 });
		const failed = await run({}, { items: [item(wav, 'audio/wav', 'a.wav')] });
		expect(failed.error?.httpCode).toBe('500');
		expect(sttCalls()).toHaveLength(1);
	});
});
