/** The answer forwarded live to n8n's chat while it streams, and corrections when Dify replaces it. */
import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { REPLACED_ANSWER_NOTE } from '../../nodes/Dify/helpers/stream/chunks';
import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { chatCalls, expectedItem } from './kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'user-42',
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

/** n8n writes each streamed chunk as one JSON line: the same here. */
function recordChunks() {
	const chunks: Array<{ type: string; content?: string }> = [];
	return {
		chunks,
		extra: {
			onHooks: (hooks: ExecutionLifecycleHooks) =>
				hooks.addHandler('sendChunk', async (chunk: unknown) => {
					chunks.push(chunk as { type: string; content?: string });
				}),
			additionalData: { streamingEnabled: true, httpResponse: { write: () => true } } as never,
		},
	};
}

describe("Dify: answer chunks forwarded live to n8n's chat", () => {
	test('begin, one item per answer chunk, end — and the aggregated item is still returned', async () => {
		const response = new RecordingResponse();
		const result = await run(
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
		const result = await run(
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
		const result = await run(
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
		const result = await run(
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
		const result = await run(
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
		const notStreaming = await run(
			{ query: 'sim:chat-unicode' },
			{ additionalData: { httpResponse: response } as never },
		);
		expect(notStreaming.error).toBeUndefined();
		const optionOff = await run(
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

describe('Dify: message_replace after chunks reached a streaming chat', () => {
	test('default: a closing correction chunk gives the replacement; the item holds only the final answer', async () => {
		const { chunks, extra } = recordChunks();
		const result = await run({ query: 'sim:message-replace' }, extra);
		const item = result.items[0].json as IDataObject;
		const reference = await expectedItem('message-replace');
		expect(item.answer).toBe(reference.answer);
		const items = chunks.filter((c) => c.type === 'item').map((c) => c.content);
		expect(items).toHaveLength(3);
		expect(items[2]).toBe(`\n\n${REPLACED_ANSWER_NOTE}\n${reference.answer}`);
		expect(chunks.map((c) => c.type)).toEqual(['begin', 'item', 'item', 'item', 'end']);
	});

	test('Hold Until Final: nothing streams until the end, then only the final answer', async () => {
		const { chunks, extra } = recordChunks();
		const result = await run(
			{ query: 'sim:message-replace', options: { replacedAnswer: 'hold' } },
			extra,
		);
		const answer = (result.items[0].json as IDataObject).answer;
		expect(chunks.map((c) => [c.type, c.content])).toEqual([
			['begin', undefined],
			['item', answer],
			['end', undefined],
		]);
	});

	test('a chat reply without message_replace gets no correction', async () => {
		const { chunks, extra } = recordChunks();
		await run({ query: 'sim:chat-unicode' }, extra);
		expect(chunks.some((c) => c.content?.includes(REPLACED_ANSWER_NOTE))).toBe(false);
	});
});
