import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { PATH, zaia } from './kit';

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, { resource: 'chatMessage' });

describe('Zaia: errors a workflow can branch on', () => {
	test("the NodeApiError carries Zaia's code and whether a retry can help", async () => {
		const result = await run({
			operation: 'getAll',
			chatId: '12345678-1234-4234-8234-123456789abc',
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.context).toMatchObject({ code: 'NOT_FOUND', retryable: false });
		expect(result.error?.context).not.toHaveProperty('requestId');
	});

	test("a body with only Zaia's error name uses the name as code", async () => {
		ctx.sim.fault(
			{ method: 'POST', path: PATH },
			{
				status: 400,
				body: {
					message: 'content too long',
					name: 'ValidationError',
					feedback: { enUs: 'The message is too long.' },
				},
			},
		);
		const result = await run({
			operation: 'send',
			chatId: zaia.CHAT_ID,
			senderId: zaia.USER_ID,
			role: 'user',
			content: 'hi',
		});
		expect(result.error?.message).toBe('The message is too long.');
		expect(result.error?.context).toMatchObject({ code: 'ValidationError', retryable: false });
	});

	test('continue on fail: API failures and refused input become items with the structured fields', async () => {
		const result = await run(
			{ operation: 'getAll', chatId: '={{ $json.chat }}', limit: 1 },
			{
				items: [
					{ chat: '12345678-1234-4234-8234-123456789abc' },
					{ chat: 'not-a-chat' },
					{ chat: zaia.CHAT_ID },
				],
				continueOnFail: true,
			},
		);
		expect(result.items).toHaveLength(3);
		expect(result.items[0]).toEqual({
			json: {
				error: 'We could not find this chat.',
				errorDescription: expect.stringContaining('Zaia code: NOT_FOUND'),
				httpCode: '404',
				code: 'NOT_FOUND',
				retryable: false,
			},
			pairedItem: { item: 0 },
		});
		expect(result.items[1]).toEqual({
			json: {
				error:
					'Chat ID: must be a UUID like 123e4567-e89b-12d3-a456-426614174000, got "not-a-chat"',
				code: 'invalid_parameter',
				retryable: false,
				field: 'Chat ID',
			},
			pairedItem: { item: 1 },
		});
		expect(result.items[2].json.chatId).toBe(zaia.CHAT_ID);
		// the refused item sent nothing: one request for item 0, one for item 2
		expect(ctx.sim.calls('GET', PATH)).toHaveLength(2);
	});

	test('a 429 that outlasts the retries is retryable', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: PATH, times: 10 },
			{ status: 429, retryAfter: 120, message: 'Too many requests' },
		);
		const result = await run({
			operation: 'send',
			chatId: zaia.CHAT_ID,
			senderId: zaia.USER_ID,
			role: 'user',
			content: 'hi',
		});
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.context).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryable: true });
	});
});
