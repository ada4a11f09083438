import { nodeRunner, specs } from '../../engine/nodes';
import { allText, useSimulator } from '../../helpers';
import { CHATS, gr } from '../kit';

const ctx = useSimulator('gravityrail');
const run = nodeRunner(ctx, specs.gravityRail, { resource: 'chat' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('Gravity Rail: Chat → Get', () => {
	test('GET /chats/{chat_id}: the chat output as-is', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		const result = await run({ operation: 'get', chatId: ` ${chat.id} ` });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		expect(ctx.sim.requests[0].method).toBe('GET');
		expect(ctx.sim.requests[0].path).toBe(`${CHATS}/${chat.id}`);
		expect(ctx.sim.requests[0].rejected).toBeUndefined();
		expect(result.items[0].json).toEqual(JSON.parse(JSON.stringify(chat)));
	});

	test("an unknown chat: Gravity Rail's 404 with its message", async () => {
		const result = await run({ operation: 'get', chatId: '999' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Chat 999 not found');
		expect(result.error?.context).toMatchObject({ retryable: false });
	});

	test('a 500 on Get is retried after a backoff', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		ctx.sim.fault({ method: 'GET', path: `${CHATS}/${chat.id}` }, { status: 500 });
		const result = await run({ operation: 'get', chatId: chat.id });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(2);
		expect(ctx.sim.requests[1].at - ctx.sim.requests[0].at).toBeGreaterThanOrEqual(200);
	});

	test.each([
		[
			'a Chat ID of "."',
			'={{ "." }}',
			/^Chat ID: "\." is not an ID \(it would change the request's path\)/,
		],
		[
			'a Chat ID of ".."',
			'..',
			/^Chat ID: "\.\." is not an ID \(it would change the request's path\)/,
		],
		[
			'a Chat ID with a path in it',
			'5001/../x',
			/^Chat ID: "5001\/\.\.\/x" is not an ID: it contains a slash/,
		],
		[
			'a Chat ID with a backslash',
			'5001\\x',
			/^Chat ID: "5001\\\\x" is not an ID: it contains a slash, a backslash/,
		],
		['an empty Chat ID', '={{ "  " }}', /^Chat ID: must not be empty/],
	])('%s: rejected before any request', async (_label, chatId, message) => {
		const result = await run({ operation: 'get', chatId });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.context).toMatchObject({
			code: 'invalid_parameter',
			field: 'Chat ID',
			retryable: false,
		});
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test.each([
		['text', '={{ "abc" }}', 'abc'],
		['0', '={{ 0 }}', '0'],
		['text with a space and a question mark', 'chat 7?x', 'chat%207%3Fx'],
	])(
		'a Chat ID that is %s is not refused: it goes as one path segment, and Gravity Rail answers',
		async (_label, chatId, segment) => {
			const result = await run({ operation: 'get', chatId });
			expect(ctx.sim.requests).toHaveLength(1);
			expect(ctx.sim.requests[0].method).toBe('GET');
			expect(ctx.sim.requests[0].path).toBe(`${CHATS}/${segment}`);
			// the simulator takes chat IDs as whole numbers: its refusal is shown as Gravity Rail's
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.httpCode).toBe('422');
		},
	);

	test('401 with a wrong key: readable, not retryable, and the key appears nowhere', async () => {
		const badKey = 'gr_live_WRONGKEYFORGETTINGCHATS00';
		const result = await run(
			{ operation: 'get', chatId: '5001' },
			{ credential: { apiKey: badKey } },
		);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('Invalid API key');
		expect(result.error?.context).toMatchObject({ retryable: false });
		expect(ctx.sim.requests).toHaveLength(1);
		expect(allText(result.error)).not.toContain(badKey);
		expect(allText(result.run)).not.toContain(badKey);
	});
});
