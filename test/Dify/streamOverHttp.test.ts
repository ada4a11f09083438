/** The stream as it arrives over HTTP: chunk sizes, line endings, keep-alives, mislabelled bodies. */
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { chatCalls, expectedItem, json } from './kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'user-42',
});

describe('Dify: the wire format at the HTTP level', () => {
	const variants: Array<[string, string]> = [
		['random chunk sizes (seeded by request)', ''],
		['one byte per chunk', ' +bytes'],
		['the whole body in one chunk', ' +whole'],
		['CRLF line endings', ' +crlf'],
		['CRLF and one byte per chunk', ' +crlf +bytes'],
	];
	test.each(variants)('%s gives the same item for every fixture kind', async (_label, flags) => {
		for (const name of [
			'chat-unicode',
			'agent-chat',
			'advanced-chat-iteration',
			'human-input-pause',
		]) {
			const result = await run({ query: `sim:${name}${flags}` });
			expect(result.error).toBeUndefined();
			expect(json(result)).toEqual(await expectedItem(name));
		}
	});

	test('comments, retry:, id:, bare "event: ping" lines and JSON spread over several data: lines', async () => {
		for (const flags of ['', ' +crlf', ' +bytes']) {
			const result = await run({ query: `sim:keepalive-multiline${flags}` });
			expect(result.error).toBeUndefined();
			expect(json(result).answer).toBe('Line one\nline two — and ✓ a third');
			expect(json(result).metadata.usage).toEqual({ total_tokens: 12, latency: 0.9 });
			expect(json(result).status).toBe('succeeded');
		}
	});

	test('the same stream read several times with different random splits gives identical items', async () => {
		const items: IDataObject[] = [];
		for (let i = 0; i < 6; i++)
			items.push(json(await run({ query: 'sim:advanced-chat-iteration' })));
		for (const item of items) expect(item).toEqual(items[0]);
	});

	test('a blocking request answered with text/event-stream is aggregated too', async () => {
		const result = await run({
			query: 'sim:chat-unicode +sse',
			additionalFields: { responseMode: 'blocking' },
		});
		expect(result.error).toBeUndefined();
		expect(chatCalls(ctx.sim)[0].body.response_mode).toBe('blocking');
		expect(json(result)).toEqual(await expectedItem('chat-unicode'));
	});

	test('an event stream mislabelled as application/json is recognised and aggregated', async () => {
		const result = await run({ query: 'sim:agent-chat +mislabelled' });
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual(await expectedItem('agent-chat'));
	});

	test('blocking mode on a Chatflow fixture gives the blocking body of that app', async () => {
		const result = await run({
			query: 'sim:advanced-chat',
			additionalFields: { responseMode: 'blocking' },
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toMatchObject({
			mode: 'advanced-chat',
			answer: ' I',
			task_id: 'task123',
			status: 'succeeded',
		});
	});
});
