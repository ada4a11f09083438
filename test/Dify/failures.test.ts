/** Failures: errors inside a stream and over HTTP, one error shape for both, rate limits and credentials. */
import type { IDataObject } from 'n8n-workflow';

import { difyProfile } from '../../nodes/Dify/transport';
import { aggregateDifyStream } from '../../nodes/Dify/helpers/stream/reader';
import { nodeRunner, specs } from '../engine/nodes';
import { allText, useSimulator } from '../helpers';
import { chatCalls, TOKEN } from './kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'user-42',
});

const STRUCTURED = ['error', 'httpCode', 'code', 'retryable'] as const;
const structured = (item: IDataObject) =>
	Object.fromEntries(STRUCTURED.map((key) => [key, item[key]]));

describe('Dify: failures inside the stream', () => {
	test("an error event (HTTP 200) becomes a NodeApiError with Dify's code and message", async () => {
		const result = await run({ query: 'Summarise sim:error-event' });
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Completion request failed.');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toContain('Dify code: completion_request_error');
	});

	test('with Continue On Fail the item carries the error AND the partial answer', async () => {
		const result = await run({ query: 'sim:error-event' }, { continueOnFail: true });
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(1);
		const item = result.items[0].json as IDataObject;
		expect(item.error).toBe('Completion request failed.');
		expect(item.errorDescription).toContain('completion_request_error');
		expect(item.answer).toBe('The quarterly numbers show');
		expect(item.status).toBe('failed');
		expect(item.task_id).toBe('1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('a failed workflow (workflow_finished failed, then error) fails with the partial answer and run', async () => {
		const failed = await run({ query: 'sim:workflow-failed' });
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.error?.message).toBe('[openai] Error: Request timed out.');
		expect(failed.error?.httpCode).toBe('500');
		expect(failed.error?.description).toContain('internal_server_error');

		const kept = await run({ query: 'sim:workflow-failed' }, { continueOnFail: true });
		const item = kept.items[0].json as IDataObject & Record<string, any>;
		expect(item.answer).toBe('Partial answer');
		expect(item.workflow.status).toBe('failed');
		expect(item.workflow_run_id).toBe('9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a');
		expect(item.nodes.failed).toBe(1);
		expect(item.error).toBe('[openai] Error: Request timed out.');
	});

	test('a reply that drops after its headers, before its JSON is whole, is an item with a code (stream_interrupted)', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/chat-messages' },
			{ status: 200, partialBody: '{"event":"message","answer":"par' },
		);
		const result = await run({ query: 'hi' }, { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({
			code: 'stream_interrupted',
			httpCode: '502',
			status: 'failed',
		});
	});

	test('a 200 body that is neither JSON nor an event stream is an item with a code (invalid_response)', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/chat-messages' },
			{ status: 200, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } },
		);
		const result = await run({ query: 'hi' }, { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({ code: 'invalid_response', retryable: false });
		expect(result.items[0].json.error).toMatch(/^Dify's reply could not be read: /);
	});

	test('a connection cut mid-answer is an error, never a silent half answer', async () => {
		const result = await run({ query: 'sim:cut-mid-answer' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.description).toMatch(/incomplete_stream|stream_interrupted/);
		expect(result.error?.description).toContain('partial answer');

		const kept = await run({ query: 'sim:cut-mid-answer' }, { continueOnFail: true });
		const item = kept.items[0].json as IDataObject;
		expect(item.status).toBe('failed');
		expect(item.answer).toBe('The answer is being writ');
		expect(typeof item.error).toBe('string');
	});

	test('a socket dropped halfway through a longer stream keeps what arrived', async () => {
		const kept = await run({ query: 'sim:chat-unicode +cut' }, { continueOnFail: true });
		const item = kept.items[0].json as IDataObject;
		expect(item.status).toBe('failed');
		expect(String(item.answer).length).toBeGreaterThan(0);
		expect(
			'Grüße aus Zürich 👋! 日本語の回答 — iPhone 13 Pro Max specs are listed here: 6.7″ display, A15 chip 🚀.'.startsWith(
				String(item.answer),
			),
		).toBe(true);
	});
});

describe("Dify: HTTP errors are mapped with Dify's body", () => {
	test.each([
		[400, 'app_unavailable', 'App unavailable, please check your app configurations.'],
		[404, 'not_found', 'Conversation Not Exists.'],
		[500, 'internal_server_error', 'Internal server error.'],
	])('%i %s', async (status, code, message) => {
		const result = await run({ query: `sim:http-${status}` });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe(String(status));
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toContain(`Dify code: ${code}`);
	});

	test("an unknown conversation gives Dify's 404", async () => {
		const result = await run({
			query: 'hello',
			additionalFields: { conversationId: '00000000-0000-4000-8000-000000000000' },
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Conversation Not Exists.');
	});

	test('a quota error (400) carries a hint that retrying will not help', async () => {
		const result = await run({ query: 'sim:error-provider_quota_exceeded' });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toContain('retrying will not help');
	});

	test('429 is retried and then succeeds', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/chat-messages' },
			{
				status: 429,
				headers: { 'Retry-After': '0' },
				body: {
					code: 'too_many_requests',
					message: 'Too many requests. Please try again later.',
					status: 429,
				},
			},
		);
		const result = await run({ query: 'hello sim:chat-basic' });
		expect(result.error).toBeUndefined();
		expect(chatCalls(ctx.sim)).toHaveLength(2);
		expect(result.items[0].json.answer).toBe(' I');
	});

	test("429 that persists becomes an error with Dify's code and message", async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/chat-messages', times: 10 },
			{
				status: 429,
				headers: { 'Retry-After': '0' },
				body: {
					code: 'too_many_requests',
					message: 'Too many requests. Please try again later.',
					status: 429,
				},
			},
		);
		const result = await run({ query: 'hello' });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.message).toBe('Too many requests. Please try again later.');
		expect(result.error?.description).toContain('Dify code: too_many_requests');
		expect(result.error?.description).toContain('Concurrency');
	});

	test.each([
		['agent-chat', 'Agent Chat App does not support blocking mode'],
		['new-agent', 'New Agent app does not support blocking mode'],
	])(
		"%s refuses blocking mode with Dify's 400, and the error says to use streaming",
		async (fixture, message) => {
			const result = await run({
				query: `sim:${fixture}`,
				additionalFields: { responseMode: 'blocking' },
			});
			expect(result.error?.httpCode).toBe('400');
			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toContain('Dify code: bad_request');
			expect(result.error?.description).toContain('Streaming');
		},
	);

	test("a wrong API key gives Dify's 401 and the key appears nowhere", async () => {
		const wrong = 'app-WRONGKEYWRONGKEYWRONGKEY';
		const result = await run({ query: 'hi', user: 'u' }, { credential: { apiKey: wrong } });
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('Access token is invalid');
		expect(allText(result.run)).not.toContain(wrong);
		expect(allText(result.error)).not.toContain(wrong);
	});

	test('errors and partial items never contain the API key', async () => {
		const result = await run({ query: 'sim:workflow-failed' }, { continueOnFail: true });
		const failed = await run({ query: 'sim:http-500' });
		expect(allText(result.run)).not.toContain(TOKEN);
		expect(allText(failed.run)).not.toContain(TOKEN);
		expect(allText(failed.error)).not.toContain(TOKEN);
	});
});

describe('Dify: one error shape for stream error events and HTTP errors', () => {
	test('an `error` event in a 200 stream gives the same fields and hint as that code over HTTP', async () => {
		const overStream = await run({ query: 'sim:error-event' }, { continueOnFail: true });
		const overHttp = await run(
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
		const overHttp = await run(
			{ query: 'sim:error-provider_quota_exceeded' },
			{ continueOnFail: true },
		);
		const http = overHttp.items[0].json as IDataObject;
		expect(http.code).toBe('provider_quota_exceeded');
		expect(http.retryable).toBe(false);
		expect(String(http.errorDescription)).toContain('retrying will not help');
	});

	test('a broken stream is retryable (incomplete_stream, 502)', async () => {
		const cut = await run({ query: 'sim:cut-mid-answer' }, { continueOnFail: true });
		const item = cut.items[0].json as IDataObject;
		expect(item.httpCode).toBe('502');
		expect(['incomplete_stream', 'stream_interrupted']).toContain(item.code);
		expect(item.retryable).toBe(true);
	});
});

describe('Dify: rate limits and auth, classified as Dify documents', () => {
	const runWorkflow = () =>
		run({
			resource: 'workflow',
			operation: 'run',
			inputsFormat: 'json',
			inputsJson: '{}',
		});

	test('429 rate_limit_error (plan quota) is not retried and says so', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/workflows/run', times: 3 },
			{
				status: 429,
				headers: { 'Retry-After': '0' },
				body: { code: 'rate_limit_error', message: 'Rate Limit Error', status: 429 },
			},
		);
		const result = await runWorkflow();
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.context).toMatchObject({ code: 'rate_limit_error', retryable: false });
		expect(result.error?.description).toContain('does not retry');
		expect(ctx.sim.requests).toHaveLength(1);
	});

	test('429 too_many_requests (concurrency) is waited out', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/workflows/run' },
			{
				status: 429,
				headers: { 'Retry-After': '0' },
				body: { code: 'too_many_requests', message: 'Too many requests.', status: 429 },
			},
		);
		const result = await runWorkflow();
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(2);
	});

	test('an error event with rate_limit_error gets the same fields as over HTTP', async () => {
		const aggregated = await aggregateDifyStream([
			'data: {"event":"error","status":429,"code":"rate_limit_error","message":"Rate Limit Error"}\n\n',
		]);
		expect(aggregated.error).toEqual({
			status: 429,
			code: 'rate_limit_error',
			message: 'Rate Limit Error',
		});
	});

	test('401 with a wrong key is mapped, the key appears nowhere', async () => {
		const result = await run(
			{ resource: 'workflow', operation: 'getLogs', user: 'u' },
			{ credential: { apiKey: 'app-WRONGKEY123456' } },
		);
		expect(result.error?.httpCode).toBe('401');
		expect(JSON.stringify(result.error)).not.toContain('WRONGKEY123456');
	});

	test('400 conversation_completed and agent_not_published get their own explanations', async () => {
		expect(
			difyProfile.parseError(400, { code: 'conversation_completed', message: 'x', status: 400 })
				.description,
		).toContain('leave Conversation ID empty');
		expect(
			difyProfile.parseError(400, { code: 'agent_not_published', message: 'x', status: 400 })
				.description,
		).toContain('publish the Agent');
	});
});
