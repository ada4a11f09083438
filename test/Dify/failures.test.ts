import type { IDataObject } from 'n8n-workflow';

import { allText, useSimulator } from '../helpers';
import { chatCalls, runDify, TOKEN, waitFor } from './difyTestKit';

const ctx = useSimulator('dify');

describe('Dify: failures inside the stream', () => {
	test("an error event (HTTP 200) becomes a NodeApiError with Dify's code and message", async () => {
		const result = await runDify(ctx.sim, { query: 'Summarise sim:error-event' });
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Completion request failed.');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toContain('Dify code: completion_request_error');
	});

	test('with Continue On Fail the item carries the error AND the partial answer', async () => {
		const result = await runDify(ctx.sim, { query: 'sim:error-event' }, { continueOnFail: true });
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
		const failed = await runDify(ctx.sim, { query: 'sim:workflow-failed' });
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.error?.message).toBe('[openai] Error: Request timed out.');
		expect(failed.error?.httpCode).toBe('500');
		expect(failed.error?.description).toContain('internal_server_error');

		const kept = await runDify(ctx.sim, { query: 'sim:workflow-failed' }, { continueOnFail: true });
		const item = kept.items[0].json as IDataObject & Record<string, any>;
		expect(item.answer).toBe('Partial answer');
		expect(item.workflow.status).toBe('failed');
		expect(item.workflow_run_id).toBe('9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a');
		expect(item.nodes.failed).toBe(1);
		expect(item.error).toBe('[openai] Error: Request timed out.');
	});

	test('a connection cut mid-answer is an error, never a silent half answer', async () => {
		const result = await runDify(ctx.sim, { query: 'sim:cut-mid-answer' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.description).toMatch(/incomplete_stream|stream_interrupted/);
		expect(result.error?.description).toContain('partial answer');

		const kept = await runDify(ctx.sim, { query: 'sim:cut-mid-answer' }, { continueOnFail: true });
		const item = kept.items[0].json as IDataObject;
		expect(item.status).toBe('failed');
		expect(item.answer).toBe('The answer is being writ');
		expect(typeof item.error).toBe('string');
	});

	test('a socket dropped halfway through a longer stream keeps what arrived', async () => {
		const kept = await runDify(
			ctx.sim,
			{ query: 'sim:chat-unicode +cut' },
			{ continueOnFail: true },
		);
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
		const result = await runDify(ctx.sim, { query: `sim:http-${status}` });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe(String(status));
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toContain(`Dify code: ${code}`);
	});

	test("an unknown conversation gives Dify's 404", async () => {
		const result = await runDify(ctx.sim, {
			query: 'hello',
			additionalFields: { conversationId: '00000000-0000-4000-8000-000000000000' },
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Conversation Not Exists.');
	});

	test('a quota error (400) carries a hint that retrying will not help', async () => {
		const result = await runDify(ctx.sim, { query: 'sim:error-provider_quota_exceeded' });
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
		const result = await runDify(ctx.sim, { query: 'hello sim:chat-basic' });
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
		const result = await runDify(ctx.sim, { query: 'hello' });
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
			const result = await runDify(ctx.sim, {
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
		const { runNode } = await import('../engine/harness');
		const { Dify } = await import('../../nodes/Dify/Dify.node');
		const { DifyApi } = await import('../../credentials/DifyApi.credentials');
		const result = await runNode({
			node: new Dify(),
			credentialTypes: [new DifyApi()],
			credentials: { difyApi: { apiKey: wrong, baseUrl: ctx.sim.baseUrl } },
			parameters: { resource: 'chatMessage', operation: 'send', query: 'hi', user: 'u' },
		});
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('Access token is invalid');
		expect(allText(result.run)).not.toContain(wrong);
		expect(allText(result.error)).not.toContain(wrong);
	});

	test('errors and partial items never contain the API key', async () => {
		const result = await runDify(
			ctx.sim,
			{ query: 'sim:workflow-failed' },
			{ continueOnFail: true },
		);
		const failed = await runDify(ctx.sim, { query: 'sim:http-500' });
		expect(allText(result.run)).not.toContain(TOKEN);
		expect(allText(failed.run)).not.toContain(TOKEN);
		expect(allText(failed.error)).not.toContain(TOKEN);
	});
});

describe('Dify: bad input is rejected before any request', () => {
	test.each([
		['an empty query (from an expression)', { query: '={{ "" }}' }, /^Query: must not be empty/],
		['a blank query', { query: '   ' }, /^Query: must not be empty/],
		[
			'an empty user (from an expression)',
			{ query: 'hi', user: '={{ "" }}' },
			/^User: must not be empty/,
		],
		[
			'invalid inputs JSON',
			{ query: 'hi', inputsFormat: 'json', inputsJson: '{ "city": ' },
			/^Inputs \(JSON\): is not valid JSON/,
		],
		[
			'inputs JSON that is not an object',
			{ query: 'hi', inputsFormat: 'json', inputsJson: '["a"]' },
			/^Inputs \(JSON\): must be a JSON object/,
		],
		[
			'an input row without a name',
			{ query: 'hi', inputs: { values: [{ name: '', value: 'x' }] } },
			/^Inputs: every row with a value needs a Name/,
		],
		[
			'a duplicate input name',
			{
				query: 'hi',
				inputs: {
					values: [
						{ name: 'a', value: '1' },
						{ name: 'a', value: '2' },
					],
				},
			},
			/^Inputs: "a" is given more than once/,
		],
		[
			'a file URL that is not http(s)',
			{
				query: 'hi',
				additionalFields: { files: { file: [{ source: 'url', url: 'ftp://example.com/a.png' }] } },
			},
			/^Files → File 1 → URL: must use http\(s\), got ftp/,
		],
		[
			'a file URL that is not a URL',
			{ query: 'hi', additionalFields: { files: { file: [{ source: 'url', url: 'photo.png' }] } } },
			/^Files → File 1 → URL: must be a full URL/,
		],
		[
			'a missing binary property',
			{
				query: 'hi',
				additionalFields: { files: { file: [{ source: 'binary', binaryPropertyName: 'nope' }] } },
			},
			/^Files → File 1 → Input Binary Field: the input item has no binary field "nope"/,
		],
	])('%s', async (_label, parameters, message) => {
		const result = await runDify(ctx.sim, parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an empty query typed into the field is caught by n8n's required check before the node runs", async () => {
		const result = await runDify(ctx.sim, { query: '' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Query/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('bad input on the second item stops the run before the first item is sent', async () => {
		const result = await runDify(
			ctx.sim,
			{ query: '={{ $json.q }}' },
			{ items: [{ q: 'fine' }, { q: '' }] },
		);
		expect(result.error?.message).toMatch(/^Query: must not be empty/);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('with Continue On Fail, a bad item becomes an error item and the good one is sent', async () => {
		const result = await runDify(
			ctx.sim,
			{ query: '={{ $json.q }}' },
			{ items: [{ q: 'fine sim:chat-basic' }, { q: '' }], continueOnFail: true },
		);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.answer).toBe(' I');
		expect(result.items[1].json.error).toMatch(/^Query: must not be empty/);
		expect(chatCalls(ctx.sim)).toHaveLength(1);
	});
});

describe('Dify: cancelling the execution', () => {
	test('aborts the stream and calls POST /chat-messages/{task_id}/stop with the same user', async () => {
		let cancel: (() => void) | undefined;
		const running = runDify(
			ctx.sim,
			{ query: 'Tell me a long story sim:endless', user: 'cancel-user-7' },
			{ onStarted: (control) => (cancel = control.cancel) },
		);
		await waitFor(() => chatCalls(ctx.sim).length === 1, 'the chat request');
		const taskId = (chatCalls(ctx.sim)[0] as unknown as { taskId: string }).taskId;
		expect(taskId).toMatch(/^sim-task-\d+$/);
		await waitFor(() => (ctx.sim.state.streamed[taskId] ?? 0) >= 3, 'a few streamed chunks');
		cancel!();
		const result = await running;
		expect(result.status).toBe('canceled');
		await waitFor(
			() => ctx.sim.state.stops.some((s: { task_id: string }) => s.task_id === taskId),
			'the stop call',
		);
		const stops = ctx.sim.state.stops.filter((s: { task_id: string }) => s.task_id === taskId);
		expect(stops).toEqual([{ task_id: taskId, user: 'cancel-user-7', at: expect.any(Number) }]);
		const stopCall = ctx.sim.calls('POST', `/chat-messages/${taskId}/stop`)[0];
		expect(stopCall.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(stopCall.body).toEqual({ user: 'cancel-user-7' });
		// the simulator saw the client go away instead of streaming all 500 chunks
		expect(ctx.sim.state.streamed[taskId]).toBeLessThan(500);
	});

	test('a finished reply calls no stop endpoint', async () => {
		const result = await runDify(ctx.sim, { query: 'hello' });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST').filter((c) => c.path.endsWith('/stop'))).toHaveLength(0);
	});
});

describe('Dify: simulator contract', () => {
	test('the simulator rejects what Dify would: a misspelt field, a bad enum, a stop without user', async () => {
		const post = (path: string, body: unknown) =>
			fetch(`${ctx.sim.baseUrl}${path}`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
		const misspelt = await post('/chat-messages', {
			query: 'q',
			inputs: {},
			user: 'u',
			responseMode: 'streaming',
		});
		expect(misspelt.status).toBe(400);
		expect(await misspelt.json()).toMatchObject({ code: 'invalid_param', status: 400 });
		const badEnum = await post('/chat-messages', {
			query: 'q',
			inputs: {},
			user: 'u',
			response_mode: 'stream',
		});
		expect(badEnum.status).toBe(400);
		const noUser = await post('/chat-messages/abc/stop', {});
		expect(noUser.status).toBe(400);
		expect(ctx.sim.state.stops.some((s: { task_id: string }) => s.task_id === 'abc')).toBe(false);
	});

	test("the credential's test request (GET /info with the Bearer header its authenticate builds) passes with the key and fails without", async () => {
		const { DifyApi } = await import('../../credentials/DifyApi.credentials');
		const credential = new DifyApi();
		expect(credential.test.request).toMatchObject({
			method: 'GET',
			url: '/info',
			baseURL: '={{$credentials.baseUrl}}',
		});
		const header = String(
			(credential.authenticate.properties.headers as Record<string, string>).Authorization,
		)
			.replace('{{$credentials.apiKey}}', TOKEN)
			.replace(/^=/, '');
		const ok = await fetch(`${ctx.sim.baseUrl}${credential.test.request.url}`, {
			headers: { Authorization: header },
		});
		expect(ok.status).toBe(200);
		expect(await ok.json()).toMatchObject({ mode: 'chat' });
		const bad = await fetch(`${ctx.sim.baseUrl}${credential.test.request.url}`, {
			headers: { Authorization: 'Bearer app-nope' },
		});
		expect(bad.status).toBe(401);
		expect(await bad.json()).toMatchObject({ code: 'unauthorized', status: 401 });
	});
});
