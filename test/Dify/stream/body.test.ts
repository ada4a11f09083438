/** Reply bodies: the blocking JSON, and event streams sent where JSON was asked for. */
import { Readable } from 'stream';
import type { IDataObject } from 'n8n-workflow';

import {
	aggregateDifyResponse,
	fromDifyBlockingResponse,
} from '../../../nodes/Dify/helpers/stream/body';
import type { DifyAggregateResult } from '../../../nodes/Dify/helpers/stream/interfaces';
import { aggregateDifyStream } from '../../../nodes/Dify/helpers/stream/reader';
import { asyncChunks, fixtureBytes, splitRandomly } from '../kit';

async function aggregateFixture(
	name: string,
	options: Parameters<typeof aggregateDifyStream>[1] = {},
): Promise<DifyAggregateResult> {
	return await aggregateDifyStream(asyncChunks([fixtureBytes(name)]), options);
}

describe('blocking responses and blocking requests answered with a stream', () => {
	const blockingBody = JSON.parse(
		fixtureBytes('blocking-response.json').toString('utf8'),
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
		const text = fixtureBytes('blocking-response.json').toString('utf8');
		const fromText = await aggregateDifyResponse(text, 'application/json');
		expect(fromText).toEqual(fromDifyBlockingResponse(blockingBody));
		expect(await aggregateDifyResponse(blockingBody, 'application/json')).toEqual(fromText);
		expect(await aggregateDifyResponse(Buffer.from(text), undefined)).toEqual(fromText);
	});

	it('aggregateDifyResponse: a blocking request answered with text/event-stream is aggregated', async () => {
		const expected = await aggregateFixture('advanced-chat.sse');
		const bytes = fixtureBytes('advanced-chat.sse');
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

describe('a reply body that is not an event stream is read within bounds', () => {
	/** A JSON body of `chunks` pieces (20 MB by default): counts the chunks the reader pulled. */
	function longJson(chunks = 320, size = 64 * 1024) {
		const counter = { pulled: 0, closed: false };
		const piece = Buffer.alloc(size, 'a');
		async function* source() {
			try {
				yield Buffer.from('{"answer":"');
				for (; counter.pulled < chunks; counter.pulled++) {
					if (counter.pulled % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
					yield piece;
				}
				yield Buffer.from('"}');
			} finally {
				counter.closed = true;
			}
		}
		return { counter, source: source() };
	}

	it('stops at the event bound (the same as for one SSE event) and closes the body: a stream_interrupted failure', async () => {
		const { counter, source } = longJson();
		const result = await aggregateDifyResponse(source, 'application/json', {
			maxEventChars: 1024 * 1024,
		});
		expect(result.status).toBe('failed');
		expect(result.error?.code).toBe('stream_interrupted');
		expect(result.error?.message).toMatch(/1048576 characters/);
		expect(counter.pulled).toBeLessThanOrEqual(17);
		expect(counter.closed).toBe(true);
	});

	it('a connection that drops mid-body is a stream_interrupted failure like a broken stream, not a thrown error', async () => {
		async function* dropped() {
			yield Buffer.from('{"answer":"half');
			throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
		}
		const result = await aggregateDifyResponse(dropped(), 'application/json');
		expect(result.status).toBe('failed');
		expect(result.error).toEqual({
			status: 502,
			code: 'stream_interrupted',
			message: "Reading Dify's reply failed: aborted",
		});
	});

	it('stops at once when the signal aborts and closes the body', async () => {
		const controller = new AbortController();
		const { counter, source } = longJson(20_000, 16);
		const pending = aggregateDifyResponse(source, 'application/json', {
			signal: controller.signal,
		});
		while (counter.pulled < 50) await new Promise((resolve) => setImmediate(resolve));
		controller.abort(new Error('cancelled'));
		await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
		const at = counter.pulled;
		await new Promise((resolve) => setImmediate(resolve));
		expect(counter.pulled).toBe(at);
		expect(at).toBeLessThan(20_000);
		expect(counter.closed).toBe(true);
	});

	it('stops when the signal aborts while waiting for the next chunk, and destroys the body', async () => {
		const body = new Readable({ read() {} });
		body.push('{"answer":');
		const controller = new AbortController();
		const waiting = aggregateDifyResponse(body, 'application/json', { signal: controller.signal });
		await new Promise((resolve) => setTimeout(resolve, 20));
		controller.abort();
		const outcome = await Promise.race([
			waiting.then(
				() => 'resolved',
				(error: Error) => error.name,
			),
			new Promise((resolve) => setTimeout(() => resolve('still reading'), 2000)),
		]);
		expect(outcome).toBe('AbortError');
		expect(body.destroyed).toBe(true);
	});
});
