import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { REPLACED_ANSWER_NOTE } from '../../nodes/Dify/helpers/stream/chunks';
import { useSimulator } from '../helpers';
import { expectedItem, runDify } from './difyTestKit';

const ctx = useSimulator('dify');

const TASK = 'c3800678-a077-43df-a102-53f23ed20b88';

describe('Dify: the Stop operations', () => {
	test.each([
		['chatMessage', '/chat-messages', 'stops'],
		['completionMessage', '/completion-messages', 'completionStops'],
		['workflow', '/workflows/tasks', 'workflowStops'],
	])('%s → Stop: POST %s/{task_id}/stop with the user', async (resource, base, list) => {
		const result = await runDify(ctx.sim, { resource, operation: 'stop', taskId: ` ${TASK} ` });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ result: 'success', task_id: TASK }]);
		expect(ctx.sim.requests).toHaveLength(1);
		expect(ctx.sim.requests[0]).toMatchObject({
			method: 'POST',
			path: `${base}/${TASK}/stop`,
			body: { user: 'user-42' },
		});
		expect(ctx.sim.state[list].at(-1)).toMatchObject({ task_id: TASK, user: 'user-42' });
	});

	test('a Stop answered with a 503 is sent again (stopping twice does no harm)', async () => {
		ctx.sim.fault({ method: 'POST', path: /\/stop$/ }, { status: 503, message: 'busy' });
		const result = await runDify(ctx.sim, {
			resource: 'chatMessage',
			operation: 'stop',
			taskId: TASK,
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(2);
	});

	test.each([['chatMessage'], ['completionMessage'], ['workflow']])(
		'%s → Stop without a Task ID is refused before any request',
		async (resource) => {
			const result = await runDify(ctx.sim, { resource, operation: 'stop', taskId: '  ' });
			expect(result.error?.message).toMatch(/^Task ID:/);
			expect(ctx.sim.requests).toHaveLength(0);
		},
	);
});

describe('Dify Completion Message → Send', () => {
	const send = (parameters: Record<string, unknown> = {}, extra = {}) =>
		runDify(
			ctx.sim,
			{
				resource: 'completionMessage',
				operation: 'send',
				inputs: { values: [{ name: 'text', value: 'Translate hello' }] },
				...parameters,
			},
			extra,
		);

	test('streamed and aggregated like a chat reply, mode completion', async () => {
		const result = await send({ additionalFields: { query: 'legacy text' } });
		expect(result.error).toBeUndefined();
		const item = result.items[0].json as IDataObject;
		expect(item).toEqual(
			await expectedItem('completion').then((r) => ({ ...r, mode: 'completion' })),
		);
		expect(item.answer).toBe('Hola — “hello” en español es «hola».');
		expect(ctx.sim.requests[0]).toMatchObject({
			method: 'POST',
			path: '/completion-messages',
			body: {
				inputs: { text: 'Translate hello' },
				user: 'user-42',
				response_mode: 'streaming',
				query: 'legacy text',
			},
		});
	});

	test('blocking gives the same answer', async () => {
		const result = await send({ additionalFields: { responseMode: 'blocking' } });
		const item = result.items[0].json as IDataObject;
		expect(item.answer).toBe('Hola — “hello” en español es «hola».');
		expect(item.mode).toBe('completion');
		expect(ctx.sim.requests[0].body.response_mode).toBe('blocking');
	});

	test('bad input is refused before any request', async () => {
		const result = await send({ additionalFields: { responseMode: 'sometimes' } });
		expect(result.error?.message).toMatch(/^Response Mode:/);
		const noUser = await send({ user: ' ' });
		expect(noUser.error?.message).toMatch(/^User:/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

describe('Dify Workflow → Get Run and Get Logs', () => {
	const logs = (parameters: Record<string, unknown>) =>
		runDify(ctx.sim, { resource: 'workflow', operation: 'getLogs', ...parameters });
	const logCalls = () => ctx.sim.calls('GET', '/workflows/logs');

	test('Get Run: the run as Dify reports it', async () => {
		const run = await runDify(ctx.sim, {
			resource: 'workflow',
			operation: 'run',
			inputsFormat: 'json',
			inputsJson: '{"topic":"tea"}',
		});
		const id = (run.items[0].json as IDataObject).workflow_run_id as string;
		ctx.sim.reset();
		const result = await runDify(ctx.sim, {
			resource: 'workflow',
			operation: 'getRun',
			workflowRunId: id,
		});
		expect(result.items[0].json).toMatchObject({
			id,
			status: 'succeeded',
			inputs: '{"topic":"tea"}',
			total_tokens: 321,
		});
		expect(ctx.sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /workflows/run/${id}`,
		]);
	});

	test('Get Run: a 503 then success → one item, two requests (transient failure retried)', async () => {
		const id = '5d2c8e4a-9b1f-4c37-8e6d-2a4f6b8c0e13';
		ctx.sim.fault(
			{ method: 'GET', path: `/workflows/run/${id}` },
			{ status: 503, message: 'busy' },
		);
		const result = await runDify(ctx.sim, {
			resource: 'workflow',
			operation: 'getRun',
			workflowRunId: id,
		});
		expect(result.items).toHaveLength(1);
		expect(ctx.sim.requests).toHaveLength(2);
	});

	test('Get Run: an unknown run → 404 mapped; a malformed ID refused before any request', async () => {
		const missing = await runDify(ctx.sim, {
			resource: 'workflow',
			operation: 'getRun',
			workflowRunId: '00000000-0000-4000-8000-000000000999',
		});
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.context?.code).toBe('not_found');
		ctx.sim.reset();
		const bad = await runDify(ctx.sim, {
			resource: 'workflow',
			operation: 'getRun',
			workflowRunId: 'abc',
		});
		expect(bad.error?.message).toMatch(/^Workflow Run ID:/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Return All pages through 3 pages of 100, one item per run, pairedItem kept', async () => {
		const result = await logs({ returnAll: true, filters: { keyword: 'seed-user' } });
		expect(result.items).toHaveLength(250);
		expect(result.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(logCalls().map((r) => (r as unknown as { rawQuery: string }).rawQuery)).toEqual([
			'?keyword=seed-user&page=1&limit=100',
			'?keyword=seed-user&page=2&limit=100',
			'?keyword=seed-user&page=3&limit=100',
		]);
		expect((result.items[0].json as IDataObject).id).toBe('00000000-0000-4000-8000-000000000250');
	});

	test('Limit 120 stops after 2 pages of the same size and returns exactly 120', async () => {
		const result = await logs({ returnAll: false, limit: 120, filters: { keyword: 'seed-user' } });
		expect(result.items).toHaveLength(120);
		expect(logCalls().map((r) => (r as unknown as { rawQuery: string }).rawQuery)).toEqual([
			'?keyword=seed-user&page=1&limit=100',
			'?keyword=seed-user&page=2&limit=100',
		]);
		const ids = result.items.map((i) => (i.json as IDataObject).id);
		expect(new Set(ids).size).toBe(120);
	});

	test('Limit (default 50): one request of 50', async () => {
		const result = await logs({
			filters: { status: 'failed', createdByEndUserSessionId: 'seed-user-1' },
		});
		expect(logCalls()).toHaveLength(1);
		expect((logCalls()[0] as unknown as { rawQuery: string }).rawQuery).toBe(
			'?status=failed&created_by_end_user_session_id=seed-user-1&page=1&limit=50',
		);
		expect(result.items.length).toBeGreaterThan(0);
		for (const item of result.items) {
			expect((item.json as Record<string, any>).workflow_run.status).toBe('failed');
		}
	});

	test('date filters are sent as ISO 8601; a bad date is refused before any request', async () => {
		await logs({ filters: { createdAtAfter: '2024-06-01T00:00:00Z' } });
		expect(logCalls()[0].query.created_at__after).toBe('2024-06-01T00:00:00.000Z');
		ctx.sim.reset();
		const bad = await logs({ filters: { createdAtBefore: 'yesterday-ish' } });
		expect(bad.error?.message).toMatch(/^Created Before:/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Dify refusing a filter (400 invalid_param) is mapped', async () => {
		const result = await logs({ filters: { createdByAccount: 'nobody@example.com' } });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe('Account not found: nobody@example.com');
	});
});

describe('Dify: rate limits and auth, classified as Dify documents', () => {
	const run = () =>
		runDify(ctx.sim, {
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
		const result = await run();
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
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(2);
	});

	test('an error event with rate_limit_error gets the same fields as over HTTP', async () => {
		const { aggregateDifyStream } = await import('../../nodes/Dify/helpers/stream/reader');
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
		const { runNode } = await import('../engine/harness');
		const { Dify } = await import('../../nodes/Dify/Dify.node');
		const { DifyApi } = await import('../../credentials/DifyApi.credentials');
		const result = await runNode({
			node: new Dify(),
			credentialTypes: [new DifyApi()],
			credentials: { difyApi: { apiKey: 'app-WRONGKEY123456', baseUrl: ctx.sim.baseUrl } },
			parameters: { resource: 'workflow', operation: 'getLogs', user: 'u' },
		});
		expect(result.error?.httpCode).toBe('401');
		expect(JSON.stringify(result.error)).not.toContain('WRONGKEY123456');
	});

	test('400 conversation_completed and agent_not_published get their own explanations', async () => {
		const { difyProfile } = await import('../../nodes/Dify/transport');
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

describe('Dify: message_replace after chunks reached a streaming chat', () => {
	test('default: a closing correction chunk gives the replacement; the item holds only the final answer', async () => {
		const { chunks, extra } = recordChunks();
		const result = await runDify(ctx.sim, { query: 'sim:message-replace' }, extra);
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
		const result = await runDify(
			ctx.sim,
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
		await runDify(ctx.sim, { query: 'sim:chat-unicode' }, extra);
		expect(chunks.some((c) => c.content?.includes(REPLACED_ANSWER_NOTE))).toBe(false);
	});
});
