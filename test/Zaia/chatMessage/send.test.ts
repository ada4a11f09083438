import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { PATH, responseValidator, schemas, zaia } from '../kit';

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, { resource: 'chatMessage' });

describe('Zaia: Chat Message → Send', () => {
	const required = {
		operation: 'send',
		chatId: zaia.CHAT_ID,
		senderId: zaia.USER_ID,
		role: 'user',
		content: 'Is my refund done?',
	};

	test('without optional fields: every required key is sent, nulls where the schema needs them', async () => {
		const result = await run(required);
		expect(result.error).toBeUndefined();
		const [call] = ctx.sim.calls('POST', PATH);
		expect(call.rejected).toBeUndefined();
		expect(call.body).toEqual({
			chatId: zaia.CHAT_ID,
			chatThreadId: null,
			content: 'Is my refund done?',
			externalId: null,
			senderId: zaia.USER_ID,
			role: 'user',
			detail: { attachments: [] },
		});
		expect(result.items[0].json).toMatchObject({
			chatId: zaia.CHAT_ID,
			content: 'Is my refund done?',
			role: 'user',
		});
		const validate = responseValidator(schemas.createChatMessage.response);
		expect(validate(result.items[0].json)).toBe(true);
	});

	test('with every optional field and all attachment kinds', async () => {
		const result = await run({
			...required,
			role: 'support',
			additionalFields: {
				chatThreadId: zaia.THREAD_ID,
				externalId: 'crm-4411',
				attachments: {
					attachment: [
						{ extension: 'png', file: 'files/receipt.png', name: 'receipt', mode: 'attachment' },
						{ extension: 'pdf', file: 'files/invoice.pdf', name: 'Invoice March' },
						{ extension: 'md', file: 'files/notes.md', name: 'notes' },
						{ extension: 'txt', file: 'files/log.txt', name: 'log' },
						{ extension: 'wav', file: 'files/voice.wav', name: 'ignored', mode: 'message' },
					],
				},
			},
		});
		expect(result.error).toBeUndefined();
		const [call] = ctx.sim.calls('POST', PATH);
		expect(call.rejected).toBeUndefined();
		expect(call.body).toEqual({
			chatId: zaia.CHAT_ID,
			chatThreadId: zaia.THREAD_ID,
			content: 'Is my refund done?',
			externalId: 'crm-4411',
			senderId: zaia.USER_ID,
			role: 'support',
			detail: {
				attachments: [
					{ file: 'files/receipt.png', extension: 'png', name: 'receipt' },
					{ file: 'files/invoice.pdf', extension: 'pdf', name: 'Invoice March' },
					{ file: 'files/notes.md', extension: 'md', name: 'notes' },
					{ file: 'files/log.txt', extension: 'txt', name: 'log' },
					{ file: 'files/voice.wav', extension: 'wav', mode: 'message' },
				],
			},
		});
		expect((result.items[0].json.detail as any).attachments).toHaveLength(5);
	});

	test('4000 characters are accepted', async () => {
		const result = await run({ ...required, content: 'x'.repeat(4000) });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', PATH)[0].body.content).toHaveLength(4000);
	});

	test.each([
		[
			'content of 4001 characters',
			{ content: 'x'.repeat(4001) },
			/Content: must be at most 4000 characters, got 4001/,
		],
		['a bad chat UUID', { chatId: 'not-a-uuid' }, /Chat ID: must be a UUID/],
		['a bad sender UUID', { senderId: '42' }, /Sender ID: must be a UUID/],
		[
			'a bad thread UUID',
			{ additionalFields: { chatThreadId: 'thread-1' } },
			/Chat Thread ID: must be a UUID/,
		],
		[
			'an external ID of 2 characters',
			{ additionalFields: { externalId: 'ab' } },
			/External ID: must be at least 3 characters, got 2/,
		],
		[
			'an attachment name of 2 characters',
			{
				additionalFields: {
					attachments: { attachment: [{ extension: 'pdf', file: 'f.pdf', name: 'ab' }] },
				},
			},
			/Attachment 1 → Name: must be at least 3 characters, got 2/,
		],
		[
			'an attachment name of 51 characters',
			{
				additionalFields: {
					attachments: { attachment: [{ extension: 'png', file: 'f.png', name: 'n'.repeat(51) }] },
				},
			},
			/Attachment 1 → Name: must be at most 50 characters/,
		],
		[
			'an attachment without a file',
			{
				additionalFields: {
					attachments: { attachment: [{ extension: 'txt', file: '', name: 'log' }] },
				},
			},
			/Attachment 1 → File: must not be empty/,
		],
		[
			'a WAV without a mode',
			{
				additionalFields: {
					attachments: { attachment: [{ extension: 'wav', file: 'v.wav', mode: '' }] },
				},
			},
			/Attachment 1 → Mode: must be "attachment" or "message"/,
		],
	])('%s is rejected before sending', async (_label, parameters, message) => {
		const result = await run({ ...required, ...parameters });
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('bad input on the second item stops the run before the first is sent', async () => {
		const result = await run(
			{ ...required, content: '={{ $json.text }}' },
			{ items: [{ text: 'ok' }, { text: 'y'.repeat(4001) }] },
		);
		expect(result.error?.message).toMatch(/Content: must be at most 4000/);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('403 is mapped with the English feedback', async () => {
		ctx.sim.state.forbiddenSenders = [zaia.AGENT_ID];
		try {
			const result = await run({ ...required, senderId: zaia.AGENT_ID });
			expect(result.error?.httpCode).toBe('403');
			expect(result.error?.message).toBe('You are not allowed to post messages in this chat.');
			expect(result.error?.description).toMatch(/not allowed to do this in Zaia/);
		} finally {
			ctx.sim.state.forbiddenSenders = undefined;
		}
	});

	test('a 429 with Retry-After is waited out and retried', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: PATH },
			{ status: 429, retryAfter: 1, message: 'Too many requests' },
		);
		const result = await run(required);
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('POST', PATH);
		expect(calls).toHaveLength(2);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(900);
	});
});
