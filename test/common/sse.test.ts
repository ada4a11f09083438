/** The common SSE reader (nodes/common/sse.ts), as Dify's streams use it: line endings, chunking, aborts. */

import type { ReadSseOptions, SseEvent, SseSource } from '../../nodes/common/sse';
import {
	isEventStreamContentType,
	looksLikeEventStream,
	readSseBatches,
	SseAbortError,
} from '../../nodes/common/sse';
import { asyncChunks, splitRandomly } from '../helpers';

/** The events of a source one by one (the shipped code reads them in batches). */
async function* readSseEvents(
	source: SseSource,
	options: ReadSseOptions = {},
): AsyncGenerator<SseEvent, void, undefined> {
	for await (const batch of readSseBatches(source, options)) {
		for (const event of batch) yield event;
	}
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
