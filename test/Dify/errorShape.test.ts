import type { IDataObject } from 'n8n-workflow';

import { aggregateDifyStream } from '../../nodes/Dify/helpers/stream/reader';
import { useSimulator } from '../helpers';
import { runDify } from './difyTestKit';

const ctx = useSimulator('dify');

const STRUCTURED = ['error', 'httpCode', 'code', 'retryable'] as const;
const structured = (item: IDataObject) =>
	Object.fromEntries(STRUCTURED.map((key) => [key, item[key]]));

describe('Dify: one error shape for stream error events and HTTP errors', () => {
	test('an `error` event in a 200 stream gives the same fields and hint as that code over HTTP', async () => {
		const overStream = await runDify(
			ctx.sim,
			{ query: 'sim:error-event' },
			{ continueOnFail: true },
		);
		const overHttp = await runDify(
			ctx.sim,
			{ query: 'sim:error-completion_request_error' },
			{ continueOnFail: true },
		);
		const streamed = overStream.items[0].json as IDataObject;
		const http = overHttp.items[0].json as IDataObject;
		expect(structured(streamed)).toEqual({
			error: 'Completion request failed.',
			httpCode: '400',
			code: 'completion_request_error',
			retryable: false,
		});
		expect(structured(http)).toEqual(structured(streamed));
		expect(String(streamed.errorDescription)).toContain(String(http.errorDescription));
		// the code's own hint, not the generic 400 one: the app failed, not the node's parameters
		expect(String(streamed.errorDescription)).toContain('The model call failed inside Dify');
		expect(String(streamed.errorDescription)).not.toMatch(/check the node's parameters/);
	});

	test('a quota error event carries the same hint as the HTTP body with that code', async () => {
		const overHttp = await runDify(
			ctx.sim,
			{ query: 'sim:error-provider_quota_exceeded' },
			{ continueOnFail: true },
		);
		const http = overHttp.items[0].json as IDataObject;
		expect(http.code).toBe('provider_quota_exceeded');
		expect(http.retryable).toBe(false);
		expect(String(http.errorDescription)).toContain('retrying will not help');
	});

	test('a broken stream is retryable (incomplete_stream, 502)', async () => {
		const cut = await runDify(ctx.sim, { query: 'sim:cut-mid-answer' }, { continueOnFail: true });
		const item = cut.items[0].json as IDataObject;
		expect(item.httpCode).toBe('502');
		expect(['incomplete_stream', 'stream_interrupted']).toContain(item.code);
		expect(item.retryable).toBe(true);
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
