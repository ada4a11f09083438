import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import { DifyStreamAggregator } from '../../nodes/Dify/helpers/stream/aggregator';
import type { DifyAggregateResult } from '../../nodes/Dify/helpers/stream/interfaces';
import {
	aggregateDifyResponse,
	fromDifyBlockingResponse,
} from '../../nodes/Dify/helpers/stream/body';
import {
	aggregateDifyStream,
	DifyStreamAbortedError,
	parseDifyEvent,
} from '../../nodes/Dify/helpers/stream/reader';
import {
	isEventStreamContentType,
	looksLikeEventStream,
	SseAbortError,
} from '../../nodes/common/sse';
import type { SseEvent } from '../../nodes/common/sse';
import { readSseEvents } from './sseEvents';

const FIXTURES = join(__dirname, '..', '..', 'dev', 'simulator', 'fixtures', 'dify');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const sseFixtures = readdirSync(FIXTURES)
	.filter((name) => name.endsWith('.sse'))
	.sort();

// Deterministic PRNG (shared with the simulator) so a failing split can be reproduced from its seed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rng } = require('../../dev/simulator/random') as { rng: (seed: number) => () => number };

function splitRandomly(bytes: Buffer, seed: number, maxChunk: number): Buffer[] {
	const random = rng(seed);
	const chunks: Buffer[] = [];
	let offset = 0;
	while (offset < bytes.length) {
		const size = 1 + Math.floor(random() * maxChunk);
		chunks.push(bytes.subarray(offset, offset + size));
		offset += size;
	}
	return chunks;
}

async function* asyncChunks<T>(chunks: T[]): AsyncGenerator<T> {
	for (const chunk of chunks) {
		await Promise.resolve();
		yield chunk;
	}
}

const withLineEnding = (bytes: Buffer, ending: '\r\n' | '\r'): Buffer =>
	Buffer.from(bytes.toString('utf8').replace(/\n/g, ending), 'utf8');

async function aggregateFixture(
	name: string,
	options: Parameters<typeof aggregateDifyStream>[1] = {},
): Promise<DifyAggregateResult> {
	return await aggregateDifyStream(asyncChunks([fixture(name)]), options);
}

async function collectEvents(chunks: Array<Buffer | string>): Promise<SseEvent[]> {
	const events: SseEvent[] = [];
	for await (const event of readSseEvents(asyncChunks(chunks))) events.push(event);
	return events;
}

describe('readSseEvents', () => {
	const body =
		'data: {"a":1}\n\nevent: custom\nid: 7\ndata: two\ndata: lines\n\n: a comment\nretry: 2500\n\ndata: é€😀\n\n';

	it.each([
		['LF', '\n'],
		['CRLF', '\r\n'],
		['CR', '\r'],
	])('parses %s line endings, multi-line data, ids, comments and retry', async (_name, ending) => {
		const comments: string[] = [];
		const retries: number[] = [];
		const events: SseEvent[] = [];
		const text = body.replace(/\n/g, ending);
		for await (const event of readSseEvents(asyncChunks(splitRandomly(Buffer.from(text), 3, 4)), {
			onComment: (comment) => comments.push(comment),
			onRetry: (ms) => retries.push(ms),
		})) {
			events.push(event);
		}
		expect(events.map(({ event, id, data }) => ({ event, id, data }))).toEqual([
			{ event: undefined, id: undefined, data: '{"a":1}' },
			{ event: 'custom', id: '7', data: 'two\nlines' },
			{ event: undefined, id: undefined, data: 'é€😀' },
		]);
		expect(comments).toEqual(['a comment']);
		expect(retries).toEqual([2500]);
	});

	it('decodes multi-byte characters split across chunks, one byte at a time', async () => {
		const bytes = Buffer.from('data: Grüße 日本 🚀\n\n', 'utf8');
		const oneByteChunks = [...bytes].map((byte) => Buffer.from([byte]));
		expect((await collectEvents(oneByteChunks)).map((e) => e.data)).toEqual(['Grüße 日本 🚀']);
	});

	it('accepts strings, a whole Buffer and sync iterables', async () => {
		const results: string[][] = [];
		for (const source of ['data: x\n\n', Buffer.from('data: x\n\n'), ['data: ', 'x\n', '\n']]) {
			const events: string[] = [];
			for await (const event of readSseEvents(source)) events.push(event.data);
			results.push(events);
		}
		expect(results).toEqual([['x'], ['x'], ['x']]);
	});

	it('skips data-less events such as a bare `event: ping` and drops an unterminated last event', async () => {
		const events = await collectEvents(['event: ping\n\ndata: kept\n\ndata: never terminated\n']);
		expect(events.map((e) => e.data)).toEqual(['kept']);
	});

	it('hands out an event before the next chunk is read', async () => {
		const log: string[] = [];
		async function* source() {
			log.push('chunk 1');
			yield Buffer.from('data: first\n\ndata: sec');
			log.push('chunk 2');
			yield Buffer.from('ond\n\n');
		}
		for await (const event of readSseEvents(source())) log.push(`event ${event.data}`);
		expect(log).toEqual(['chunk 1', 'event first', 'chunk 2', 'event second']);
	});

	it('closes the source when the consumer stops early', async () => {
		let closed = false;
		async function* source() {
			try {
				yield 'data: 1\n\n';
				yield 'data: 2\n\n';
			} finally {
				closed = true;
			}
		}
		for await (const event of readSseEvents(source())) {
			expect(event.data).toBe('1');
			break;
		}
		expect(closed).toBe(true);
	});

	it('throws an AbortError and closes a stalled source when the signal aborts', async () => {
		const controller = new AbortController();
		let returned = false;
		let pulls = 0;
		const stalled: AsyncIterable<Buffer> = {
			[Symbol.asyncIterator]: () => ({
				next: () => {
					pulls++;
					if (pulls === 1)
						return Promise.resolve({ done: false, value: Buffer.from('data: 1\n\n') });
					return new Promise<IteratorResult<Buffer>>(() => undefined); // never answers
				},
				return: () => {
					returned = true;
					return Promise.resolve({ done: true, value: undefined });
				},
			}),
		};
		const seen: string[] = [];
		const reading = (async () => {
			for await (const event of readSseEvents(stalled, { signal: controller.signal })) {
				seen.push(event.data);
				if (seen.length === 1) {
					// Abort once the reader is waiting on the stalled source.
					setImmediate(() => controller.abort(new Error('cancelled by user')));
				}
			}
		})();
		await expect(reading).rejects.toBeInstanceOf(SseAbortError);
		await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
		expect(seen).toEqual(['1']);
		expect(returned).toBe(true);
	});

	it('throws at once for an already aborted signal', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(
			collectAll(readSseEvents(['data: 1\n\n'], { signal: controller.signal })),
		).rejects.toBeInstanceOf(SseAbortError);
	});

	it('recognises event-stream content types and bodies', () => {
		expect(isEventStreamContentType('text/event-stream; charset=utf-8')).toBe(true);
		expect(isEventStreamContentType(['text/event-stream'])).toBe(true);
		expect(isEventStreamContentType('application/json')).toBe(false);
		expect(isEventStreamContentType(undefined)).toBe(false);
		expect(looksLikeEventStream('\n data: {"event":"message"}')).toBe(true);
		expect(looksLikeEventStream('event: ping\n\n')).toBe(true);
		expect(looksLikeEventStream(': hello\n\n')).toBe(true);
		expect(looksLikeEventStream('{"event":"message"}')).toBe(false);
	});
});

async function collectAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const item of iterable) out.push(item);
	return out;
}

describe('aggregateDifyStream: one fixture per scenario', () => {
	it('chat: the basic example', async () => {
		const result = await aggregateFixture('chat-basic.sse');
		expect(result).toMatchObject({
			event: 'message',
			task_id: 'mock_task_id',
			id: '5ad4cb98-f0c7-4085-b384-88c403be6290',
			message_id: '5ad4cb98-f0c7-4085-b384-88c403be6290',
			conversation_id: '45701982-8118-4bc5-8e9b-64562b4555f2',
			mode: 'chat',
			answer: ' I',
			metadata: { usage: { total_tokens: 10, latency: 1 }, retriever_resources: [] },
			created_at: 1679586595,
			status: 'succeeded',
			error: null,
			reasoning: '',
			agent_thoughts: [],
			files: [],
			workflow_run_id: null,
			workflow: null,
			form: null,
			forms: [],
		});
		expect(result.nodes).toEqual({
			count: 0,
			finished: 0,
			failed: 0,
			retries: 0,
			iterations: 0,
			loops: 0,
			agent_logs: 0,
			list: [],
		});
		expect(result).not.toHaveProperty('events');
		expect(result).not.toHaveProperty('tts');
	});

	it('chat: multi-byte chunks concatenated in order, pings ignored, citations kept', async () => {
		const live: string[] = [];
		const result = await aggregateFixture('chat-unicode.sse', {
			onAnswerChunk: (text) => void live.push(text),
		});
		const expected =
			'Grüße aus Zürich 👋! 日本語の回答 — iPhone 13 Pro Max specs are listed here: 6.7″ display, A15 chip 🚀.';
		expect(result.answer).toBe(expected);
		expect(live).toHaveLength(16);
		expect(live.join('')).toBe(expected);
		expect(result.status).toBe('succeeded');
		expect(result.metadata.usage).toMatchObject({
			prompt_tokens: 1033,
			total_tokens: 1161,
			currency: 'USD',
		});
		expect(result.metadata.retriever_resources).toHaveLength(1);
		expect(result.metadata.retriever_resources[0]).toMatchObject({
			dataset_name: 'iPhone',
			score: 0.98457545,
		});
	});

	it('agent-chat: agent_message chunks, latest state of each thought, message_file', async () => {
		const result = await aggregateFixture('agent-chat.sse');
		expect(result.answer).toBe('Here is the image: a cute cat.');
		expect(result.mode).toBe('agent-chat');
		expect(result.status).toBe('succeeded');
		expect(result.agent_thoughts).toHaveLength(2);
		expect(result.agent_thoughts[0]).toMatchObject({
			id: 'agent_thought_id_1',
			position: 1,
			tool: 'dalle3',
			tool_input: '{"dalle3": {"prompt": "a cute cat"}}',
			observation: 'image generated',
			message_files: ['file_id_1'],
		});
		expect(result.agent_thoughts[0]).not.toHaveProperty('event');
		expect(result.agent_thoughts[1]).toMatchObject({ id: 'agent_thought_id_2', position: 2 });
		expect(result.files).toEqual([
			{
				id: 'file_id_1',
				type: 'image',
				belongs_to: 'assistant',
				url: 'https://example.com/cat.png',
				message_id: 'msg123',
				created_at: 1705395332,
			},
		]);
		expect(result.metadata.usage).toEqual({ total_tokens: 50, latency: 2.5 });
	});

	it('New Agent: the closing full `message` is the answer, not appended twice nor re-sent live', async () => {
		const live: string[] = [];
		const result = await aggregateFixture('new-agent.sse', {
			onAnswerChunk: async (text) => {
				await Promise.resolve();
				live.push(text);
			},
		});
		const full = 'In Paris it is 18 °C and cloudy ☁️.';
		expect(result.answer).toBe(full);
		expect(live.join('')).toBe(full);
		expect(result.mode).toBe('agent');
		expect(result.agent_thoughts).toHaveLength(1);
		expect(result.agent_thoughts[0].observation).toBe('{"temp_c": 18, "sky": "cloudy"}');
		expect(result.metadata.retriever_resources).toEqual([]);
		expect(result.id).toBe('b2d4f6a8-0c1e-4f3a-8b5d-7e9f1a3c5e70');
	});

	it('New Agent: a closing message that differs from the deltas wins; a missing tail is forwarded live', () => {
		const aggregator = new DifyStreamAggregator();
		expect(aggregator.push({ event: 'agent_message', answer: 'Hel' })).toBe('Hel');
		expect(aggregator.push({ event: 'message', answer: 'Hello' })).toBe('lo');
		expect(aggregator.state.answer).toBe('Hello');
		const other = new DifyStreamAggregator();
		other.push({ event: 'agent_message', answer: 'draft' });
		expect(other.push({ event: 'message', answer: 'Final text' })).toBe('');
		other.push({ event: 'message_end' });
		expect(other.finish().answer).toBe('Final text');
	});

	it('advanced-chat: workflow, node summary, reasoning, both closing events', async () => {
		const result = await aggregateFixture('advanced-chat.sse');
		expect(result).toMatchObject({
			mode: 'advanced-chat',
			answer: ' I',
			reasoning: 'The user greeted me, so',
			status: 'succeeded',
			task_id: 'task123',
			message_id: 'msg123',
			conversation_id: 'conv123',
			workflow_run_id: 'wfr_abc123',
			created_at: 1705395332,
			workflow: {
				id: 'wfr_abc123',
				workflow_id: 'wf_def456',
				status: 'succeeded',
				inputs: { city: 'San Francisco' },
				outputs: null,
				error: null,
				elapsed_time: 2.5,
				total_tokens: 50,
				total_steps: 2,
				created_at: 1705395332,
				finished_at: 1705395335,
			},
		});
		expect(result.nodes).toEqual({
			count: 1,
			finished: 1,
			failed: 0,
			retries: 0,
			iterations: 0,
			loops: 0,
			agent_logs: 0,
			list: [
				{
					node_id: 'node_llm_1',
					node_type: 'llm',
					title: 'LLM',
					status: 'succeeded',
					executions: 1,
					retries: 0,
					elapsed_time: 1.5,
					error: null,
					steps: 0,
					agent_logs: 0,
				},
			],
		});
	});

	it('advanced-chat: iterations, loops, retries, agent logs summarised per node; text_chunk tolerated', async () => {
		const result = await aggregateFixture('advanced-chat-iteration.sse');
		expect(result.answer).toBe('Tea and coffee both contain caffeine.');
		expect(result.status).toBe('succeeded');
		expect(result.workflow).toMatchObject({
			status: 'succeeded',
			outputs: { answer: 'Tea and coffee both contain caffeine.' },
			total_steps: 7,
			exceptions_count: 0,
			reason: 'initial',
		});
		const { list, ...counts } = result.nodes;
		expect(counts).toEqual({
			count: 5,
			finished: 5,
			failed: 0,
			retries: 1,
			iterations: 1,
			loops: 1,
			agent_logs: 2,
		});
		expect(list.map((node) => node.node_id)).toEqual([
			'1717000000001',
			'iter_topics',
			'llm_summary',
			'loop_refine',
			'agent_1',
			'answer',
		]);
		const byId = Object.fromEntries(list.map((node) => [node.node_id, node]));
		expect(byId.llm_summary).toMatchObject({
			executions: 2,
			retries: 1,
			status: 'succeeded',
			elapsed_time: 1.5,
			error: 'Rate limit reached',
		});
		expect(byId.iter_topics).toMatchObject({
			node_type: 'iteration',
			executions: 1,
			steps: 2,
			status: 'succeeded',
			elapsed_time: 1.6,
		});
		expect(byId.loop_refine).toMatchObject({ node_type: 'loop', steps: 1, status: 'succeeded' });
		expect(byId.agent_1).toMatchObject({ node_type: 'agent', agent_logs: 2, status: 'succeeded' });
	});

	it('human input: status paused with the form under Dify field names', async () => {
		const result = await aggregateFixture('human-input-pause.sse');
		expect(result.status).toBe('paused');
		expect(result.error).toBeNull();
		expect(result.answer).toBe('');
		expect(result.workflow_run_id).toBe('fb47b2e6-5e43-4f90-be01-d5c5a088d156');
		expect(result.workflow).toMatchObject({
			status: 'paused',
			paused_nodes: ['approval_node'],
			elapsed_time: 0.5,
		});
		expect(result.forms).toHaveLength(1);
		expect(result.form).toEqual({
			form_id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
			form_token: 'tok_abc123',
			node_id: 'approval_node',
			node_title: 'Approval',
			form_content: 'Please review the draft.',
			inputs: [{ type: 'paragraph', output_variable_name: 'comment', default: null }],
			actions: [{ id: 'approve', title: 'Approve', button_style: 'primary' }],
			display_in_ui: false,
			resolved_default_values: { comment: '' },
			expiration_time: 1705494029,
		});
	});

	it('human input: the form is taken from workflow_paused reasons when human_input_required is missing', () => {
		const aggregator = new DifyStreamAggregator();
		aggregator.push({
			event: 'workflow_paused',
			task_id: 't',
			data: {
				workflow_run_id: 'run-9',
				paused_nodes: ['n'],
				reasons: [
					{
						TYPE: 'human_input_required',
						form_token: 'tok_9',
						form_content: 'Approve?',
						actions: [],
						expiration_time: 5,
					},
				],
				status: 'paused',
			},
		});
		const result = aggregator.finish();
		expect(result.status).toBe('paused');
		expect(result.workflow_run_id).toBe('run-9');
		expect(result.form).toEqual({
			form_token: 'tok_9',
			form_content: 'Approve?',
			actions: [],
			expiration_time: 5,
		});
	});

	it('error event: failed with Dify code, message and status, partial answer kept', async () => {
		const result = await aggregateFixture('error-event.sse');
		expect(result.status).toBe('failed');
		expect(result.error).toEqual({
			status: 400,
			code: 'completion_request_error',
			message: 'Completion request failed.',
		});
		expect(result.answer).toBe('The quarterly numbers show');
		expect(result.task_id).toBe('1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b');
	});

	it('failed workflow: the trailing error event gives the code; the workflow keeps its own error', async () => {
		const result = await aggregateFixture('workflow-failed.sse');
		expect(result.status).toBe('failed');
		expect(result.error).toEqual({
			status: 500,
			code: 'internal_server_error',
			message: '[openai] Error: Request timed out.',
		});
		expect(result.answer).toBe('Partial answer');
		expect(result.workflow).toMatchObject({
			status: 'failed',
			error: '[openai] Error: Request timed out.',
		});
		expect(result.nodes.failed).toBe(1);
		expect(result.nodes.list[0]).toMatchObject({
			status: 'failed',
			error: '[openai] Error: Request timed out.',
		});
	});

	it('failed workflow without an error event is still a failure', async () => {
		const text = fixture('workflow-failed.sse').toString('utf8');
		const withoutError = text.slice(0, text.lastIndexOf('data: {"event": "error"'));
		const result = await aggregateDifyStream([withoutError]);
		expect(result.status).toBe('failed');
		expect(result.error).toEqual({
			status: 500,
			code: 'workflow_failed',
			message: '[openai] Error: Request timed out.',
		});
	});

	it('message_replace replaces the answer so far', async () => {
		const result = await aggregateFixture('message-replace.sse');
		expect(result.answer).toBe("Sorry, I can't help with that.");
		expect(result.status).toBe('succeeded');
	});

	it('reasoning_chunk deltas are concatenated apart from the answer', async () => {
		const result = await aggregateFixture('reasoning.sse');
		expect(result.reasoning).toBe('Die Frage ist auf Deutsch; ich antworte kurz — 简短地。');
		expect(result.answer).toBe('Guten Tag! Schön, dass du fragst.');
		expect(result.workflow?.outputs).toEqual({ answer: 'Guten Tag! Schön, dass du fragst.' });
	});

	it('tts messages are ignored by default and collected with includeTts', async () => {
		const plain = await aggregateFixture('tts.sse');
		expect(plain.answer).toBe('Hello there.');
		expect(plain.status).toBe('succeeded');
		expect(plain).not.toHaveProperty('tts');
		const withTts = await aggregateFixture('tts.sse', { includeTts: true });
		const audio = Buffer.concat(
			[0, 1, 2].map(() => Buffer.from(Array.from({ length: 256 }, (_v, i) => i))),
		);
		expect(withTts.tts).toEqual({ audio: audio.toString('base64'), chunks: 2, ended: true });
		expect(withTts.answer).toBe('Hello there.');
	});

	it('keep-alives, comments, retry/id fields and multi-line data', async () => {
		const result = await aggregateFixture('keepalive-multiline.sse');
		expect(result.answer).toBe('Line one\nline two — and ✓ a third');
		expect(result.status).toBe('succeeded');
		expect(result.metadata.usage).toEqual({ total_tokens: 12, latency: 0.9 });
	});

	it('a stream cut mid-answer is an incomplete-stream failure, never a silent half answer', async () => {
		const result = await aggregateFixture('cut-mid-answer.sse');
		expect(result.status).toBe('failed');
		expect(result.error).toMatchObject({ code: 'incomplete_stream', status: 502 });
		expect(result.answer).toBe('The answer is being writ');
	});

	it('keepEvents keeps every parsed event (pings excluded)', async () => {
		const result = await aggregateFixture('new-agent.sse', { keepEvents: true });
		expect(result.events?.map((event) => event.event)).toEqual([
			'agent_thought',
			'agent_thought',
			'agent_message',
			'agent_message',
			'agent_message',
			'message',
			'message_end',
		]);
	});
});

describe('aggregateDifyStream: edge cases', () => {
	const events = (...items: IDataObject[]) =>
		items.map((item) => `data: ${JSON.stringify(item)}\n\n`).join('');

	it('ignores pings sent as data, unknown events, empty and non-JSON data', async () => {
		const body =
			'event: ping\ndata: \n\n' +
			'data: not json\n\n' +
			'data: [1,2]\n\n' +
			events(
				{ event: 'ping' },
				{ event: 'some_future_event', payload: { x: 1 } },
				{ event: 'message', task_id: 't', answer: 'ok' },
				{ event: 'message_end', task_id: 't' },
			);
		const result = await aggregateDifyStream([body]);
		expect(result.answer).toBe('ok');
		expect(result.status).toBe('succeeded');
	});

	it('uses the SSE `event:` field when the JSON has no `event`', () => {
		expect(parseDifyEvent({ event: 'message', data: '{"answer":"x"}' })).toEqual({
			event: 'message',
			answer: 'x',
		});
		expect(parseDifyEvent({ event: 'ping', data: '{}' })).toBeNull();
	});

	it('human_input_required without workflow_paused is incomplete', async () => {
		const result = await aggregateDifyStream([
			events({
				event: 'human_input_required',
				task_id: 't',
				workflow_run_id: 'r',
				data: { form_token: 'x' },
			}),
		]);
		expect(result.status).toBe('failed');
		expect(result.error?.code).toBe('incomplete_stream');
	});

	it('a stopped or partially succeeded workflow is reported as such', async () => {
		const stopped = await aggregateDifyStream([
			events(
				{ event: 'message', answer: 'half' },
				{ event: 'workflow_finished', data: { id: 'r1', status: 'stopped' } },
			),
		]);
		expect(stopped).toMatchObject({
			status: 'stopped',
			error: null,
			answer: 'half',
			workflow_run_id: 'r1',
		});
		const partial = await aggregateDifyStream([
			events(
				{ event: 'message_end' },
				{ event: 'workflow_finished', data: { status: 'partial-succeeded' } },
			),
		]);
		expect(partial.status).toBe('partial-succeeded');
	});

	it('an error event wins over an earlier message_end', async () => {
		const result = await aggregateDifyStream([
			events(
				{ event: 'message', answer: 'a' },
				{ event: 'message_end' },
				{ event: 'error', status: 429, code: 'rate_limit_error', message: 'Rate Limit Error' },
			),
		]);
		expect(result.status).toBe('failed');
		expect(result.error).toEqual({
			status: 429,
			code: 'rate_limit_error',
			message: 'Rate Limit Error',
		});
	});

	it('a broken connection is a stream_interrupted failure keeping the partial answer', async () => {
		async function* broken() {
			yield Buffer.from(events({ event: 'message', task_id: 'task-x', answer: 'partial ' }));
			throw new Error('socket hang up');
		}
		const result = await aggregateDifyStream(broken());
		expect(result.status).toBe('failed');
		expect(result.error).toEqual({
			status: 502,
			code: 'stream_interrupted',
			message: 'Reading the Dify stream failed: socket hang up',
		});
		expect(result.answer).toBe('partial ');
		expect(result.task_id).toBe('task-x');
	});

	it('a connection dropped after message_end keeps the complete answer', async () => {
		async function* dropped() {
			yield events({ event: 'message', answer: 'done' }, { event: 'message_end' });
			throw new Error('ECONNRESET');
		}
		const result = await aggregateDifyStream(dropped());
		expect(result).toMatchObject({ status: 'succeeded', answer: 'done', error: null });
	});

	it('abort stops reading and throws with the partial result (task_id for the stop call)', async () => {
		const controller = new AbortController();
		let pulled = 0;
		let closed = false;
		async function* source() {
			try {
				for (let i = 0; i < 100; i++) {
					pulled++;
					yield Buffer.from(events({ event: 'message', task_id: 'task-abort', answer: `${i} ` }));
				}
				yield events({ event: 'message_end' });
			} finally {
				closed = true;
			}
		}
		const error = await aggregateDifyStream(source(), {
			signal: controller.signal,
			onAnswerChunk: (text) => {
				if (text === '2 ') controller.abort();
			},
		}).then(
			() => undefined,
			(caught: unknown) => caught,
		);
		expect(error).toBeInstanceOf(DifyStreamAbortedError);
		const aborted = error as DifyStreamAbortedError;
		expect(aborted.name).toBe('AbortError');
		expect(aborted.partial.task_id).toBe('task-abort');
		expect(aborted.partial.answer).toBe('0 1 2 ');
		expect(pulled).toBe(3);
		expect(closed).toBe(true);
	});

	it('errors thrown by onAnswerChunk propagate', async () => {
		await expect(
			aggregateDifyStream([events({ event: 'message', answer: 'x' }, { event: 'message_end' })], {
				onAnswerChunk: () => {
					throw new Error('chunk sink failed');
				},
			}),
		).rejects.toThrow('chunk sink failed');
	});

	it('state reports progress while streaming', () => {
		const aggregator = new DifyStreamAggregator();
		aggregator.push({
			event: 'workflow_started',
			task_id: 't1',
			workflow_run_id: 'r1',
			conversation_id: 'c1',
			data: { id: 'r1' },
		});
		aggregator.push({ event: 'message', answer: 'par' });
		aggregator.push({ event: 'message', answer: 'tial' });
		expect(aggregator.state).toEqual({
			status: 'running',
			task_id: 't1',
			message_id: '',
			conversation_id: 'c1',
			workflow_run_id: 'r1',
			answer: 'partial',
			events: 3,
		});
		aggregator.push({ event: 'message', answer: '!' });
		aggregator.push({ event: 'message_end' });
		expect(aggregator.state.status).toBe('succeeded');
		expect(aggregator.finish().answer).toBe('partial!');
	});

	it('joins many chunks (past the internal block size) in order', () => {
		const aggregator = new DifyStreamAggregator();
		const expected: string[] = [];
		for (let i = 0; i < 2000; i++) {
			expected.push(`${i},`);
			aggregator.push({ event: 'message', answer: `${i},` });
			if (i === 700) expect(aggregator.state.answer).toBe(expected.join(''));
		}
		aggregator.push({ event: 'message_end' });
		expect(aggregator.finish().answer).toBe(expected.join(''));
	});
});

describe('property: every chunking of a fixture gives the same item', () => {
	const variants: Array<[string, (bytes: Buffer) => Buffer]> = [
		['LF', (bytes) => bytes],
		['CRLF', (bytes) => withLineEnding(bytes, '\r\n')],
		['CR', (bytes) => withLineEnding(bytes, '\r')],
	];

	it.each(sseFixtures)('%s', async (name) => {
		const original = fixture(name);
		const reference = await aggregateDifyStream([original], { includeTts: true });
		for (const [variant, transform] of variants) {
			const bytes = transform(original);
			const whole = await aggregateDifyStream([bytes], { includeTts: true });
			expect({ variant, result: whole }).toEqual({ variant, result: reference });
			const oneByte = await aggregateDifyStream(asyncChunks(splitRandomly(bytes, 1, 1)), {
				includeTts: true,
			});
			expect({ variant, seed: 'bytes', result: oneByte }).toEqual({
				variant,
				seed: 'bytes',
				result: reference,
			});
			for (let seed = 1; seed <= 40; seed++) {
				const maxChunk = [2, 3, 7, 16, 64, 512][seed % 6];
				const chunks = splitRandomly(bytes, seed * 7919, maxChunk);
				const result = await aggregateDifyStream(asyncChunks(chunks), { includeTts: true });
				expect({ variant, seed, result }).toEqual({ variant, seed, result: reference });
			}
		}
	});

	it('every two-piece split of a multi-byte fixture, including inside characters', async () => {
		const bytes = fixture('chat-unicode.sse');
		const reference = await aggregateDifyStream([bytes]);
		let insideCharacter = 0;
		for (let cut = 1; cut < bytes.length; cut++) {
			if ((bytes[cut] & 0xc0) === 0x80) insideCharacter++;
			const result = await aggregateDifyStream([bytes.subarray(0, cut), bytes.subarray(cut)]);
			if (result.answer !== reference.answer || result.status !== reference.status) {
				throw new Error(`split at byte ${cut} changed the result`);
			}
		}
		expect(insideCharacter).toBeGreaterThan(20);
	});
});

describe('blocking responses and blocking requests answered with a stream', () => {
	const blockingBody = JSON.parse(
		fixture('blocking-response.json').toString('utf8'),
	) as IDataObject;

	it('maps the blocking JSON to the same fields as a streamed reply', async () => {
		const blocking = fromDifyBlockingResponse(blockingBody);
		const streamed = await aggregateFixture('chat-basic.sse');
		expect(Object.keys(blocking).sort()).toEqual(Object.keys(streamed).sort());
		expect(blocking).toMatchObject({
			event: 'message',
			task_id: 'c3800678-a077-43df-a102-53f23ed20b88',
			id: 'b01a39de-3480-4f3e-9f1e-4841a80f8e5e',
			message_id: '9da23599-e713-473b-982c-4328d4f5c78a',
			conversation_id: '45701982-8118-4bc5-8e9b-64562b4555f2',
			mode: 'chat',
			answer: 'iPhone 13 Pro Max specs are listed here:...',
			created_at: 1705407629,
			status: 'succeeded',
			error: null,
		});
		expect(blocking.metadata.usage.total_tokens).toBe(1161);
		expect(blocking.metadata.retriever_resources).toHaveLength(1);
		const asItem: IDataObject = blocking;
		expect(asItem.answer).toBe(blocking.answer);
	});

	it('aggregateDifyResponse: JSON text, parsed object, bytes', async () => {
		const text = fixture('blocking-response.json').toString('utf8');
		const fromText = await aggregateDifyResponse(text, 'application/json');
		expect(fromText).toEqual(fromDifyBlockingResponse(blockingBody));
		expect(await aggregateDifyResponse(blockingBody, 'application/json')).toEqual(fromText);
		expect(await aggregateDifyResponse(Buffer.from(text), undefined)).toEqual(fromText);
	});

	it('aggregateDifyResponse: a blocking request answered with text/event-stream is aggregated', async () => {
		const expected = await aggregateFixture('advanced-chat.sse');
		const bytes = fixture('advanced-chat.sse');
		expect(
			await aggregateDifyResponse(asyncChunks(splitRandomly(bytes, 5, 50)), 'text/event-stream'),
		).toEqual(expected);
		// Content-Type claims JSON (or is missing) but the body is SSE: sniffed.
		expect(await aggregateDifyResponse(bytes.toString('utf8'), 'application/json')).toEqual(
			expected,
		);
		expect(await aggregateDifyResponse(asyncChunks([bytes]), 'application/json')).toEqual(expected);
	});

	it('aggregateDifyResponse: a body that is neither JSON nor SSE is an error', async () => {
		await expect(aggregateDifyResponse('<html>Bad gateway</html>', 'text/html')).rejects.toThrow(
			'neither JSON nor an event stream',
		);
	});
});
