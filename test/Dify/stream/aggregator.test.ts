/** The aggregation's edge cases: unknown events, terminal events, broken and aborted streams, size bounds. */
import type { IDataObject } from 'n8n-workflow';

import { DifyStreamAggregator } from '../../../nodes/Dify/helpers/stream/aggregator';
import {
	aggregateDifyStream,
	DifyStreamAbortedError,
	parseDifyEvent,
} from '../../../nodes/Dify/helpers/stream/reader';

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

describe('Dify: the event size bound (maxBufferSize of the SSE reader)', () => {
	test('an event larger than the bound stops reading as stream_interrupted, keeping what came before', async () => {
		const small = `data: ${JSON.stringify({ event: 'message', task_id: 't', answer: 'kept ' })}\n\n`;
		const huge = `data: ${JSON.stringify({ event: 'message', task_id: 't', answer: 'x'.repeat(5000) })}\n\n`;
		// The bound applies to what the reader must hold back while an event is still arriving.
		const pieces = huge.match(/[\s\S]{1,100}/g) ?? [];
		const result = await aggregateDifyStream([small, ...pieces], { maxEventChars: 1000 });
		expect(result.status).toBe('failed');
		expect(result.error?.code).toBe('stream_interrupted');
		expect(result.error?.message).toContain('max buffer size of 1000');
		expect(result.answer).toBe('kept ');
	});

	test('the default bound lets a large event through', async () => {
		const big = 'y'.repeat(200_000);
		const result = await aggregateDifyStream([
			`data: ${JSON.stringify({ event: 'message', answer: big })}\n\n`,
			`data: ${JSON.stringify({ event: 'message_end' })}\n\n`,
		]);
		expect(result.status).toBe('succeeded');
		expect(result.answer).toBe(big);
	});
});

describe('Dify: the size bound of the whole reply (maxAnswerChars, Options → Max Answer Size)', () => {
	const line = (event: IDataObject) => `data: ${JSON.stringify(event)}\n\n`;

	test('answer, reasoning and collected audio count; reading stops at the first event past the bound', async () => {
		let pulled = 0;
		async function* source() {
			for (let i = 0; i < 1000; i++) {
				pulled++;
				yield line({ event: 'message', task_id: 't', answer: 'a'.repeat(100) });
				yield line({ event: 'reasoning_chunk', data: { reasoning: 'r'.repeat(50) } });
				yield line({ event: 'tts_message', audio: 'QUJD'.repeat(10) });
			}
			yield line({ event: 'message_end' });
		}
		const result = await aggregateDifyStream(source(), {
			maxAnswerChars: 10_000,
			includeTts: true,
		});
		expect(result.status).toBe('failed');
		expect(result.error).toEqual({
			status: 413,
			code: 'max_answer_size_exceeded',
			message:
				"Dify's reply grew past the node's Max Answer Size (0.01 MB), so the node stopped reading it",
		});
		// 190 characters per round: the 53rd round's first event crosses 10,000
		expect(pulled).toBe(53);
		expect(result.answer.length + result.reasoning.length).toBeLessThanOrEqual(10_100);
	});

	test('events kept by keepEvents count by their size; without the bound nothing stops', async () => {
		const events = Array.from({ length: 200 }, () =>
			line({ event: 'node_started', data: { node_id: 'n', title: 'x'.repeat(100) } }),
		);
		const kept = await aggregateDifyStream([...events, line({ event: 'message_end' })], {
			maxAnswerChars: 5_000,
			keepEvents: true,
		});
		expect(kept.error?.code).toBe('max_answer_size_exceeded');
		const summed = await aggregateDifyStream([...events, line({ event: 'message_end' })], {
			maxAnswerChars: 5_000,
		});
		expect(summed.status).toBe('succeeded');
	});
});
