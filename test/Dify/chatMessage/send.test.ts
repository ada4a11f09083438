/** Chat Message → Send: the request, one item per reply for every app type and event, bad input. */
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { allText, useSimulator } from '../../helpers';
import { chatCalls, dify, expectedItem, json, TOKEN } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'user-42',
});

describe("Dify: Send Chat Message — the seed's examples", () => {
	test('streaming (basic): one message chunk then message_end, sent as a streaming request with Bearer auth', async () => {
		const result = await run({
			query: 'What are the specs of the iPhone 13 Pro Max? sim:chat-basic',
			user: 'abc-123',
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const item = json(result);
		expect(item).toMatchObject({
			event: 'message',
			task_id: 'mock_task_id',
			message_id: '5ad4cb98-f0c7-4085-b384-88c403be6290',
			id: '5ad4cb98-f0c7-4085-b384-88c403be6290',
			conversation_id: '45701982-8118-4bc5-8e9b-64562b4555f2',
			mode: 'chat',
			answer: ' I',
			status: 'succeeded',
			error: null,
			created_at: 1679586595,
			metadata: { usage: { total_tokens: 10, latency: 1 }, retriever_resources: [] },
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });

		const [sent] = chatCalls(ctx.sim);
		expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(sent.headers['content-type']).toContain('application/json');
		expect(sent.headers.accept).toContain('text/event-stream');
		expect(sent.body).toEqual({
			query: 'What are the specs of the iPhone 13 Pro Max? sim:chat-basic',
			inputs: {},
			user: 'abc-123',
			response_mode: 'streaming',
		});
		expect(sent.rejected).toBeUndefined();
	});

	test('blocking: the JSON body comes out with the same field names plus empty stream-only fields', async () => {
		const result = await run({
			query: 'What are the specs of the iPhone 13 Pro Max? sim:blocking-response',
			additionalFields: {
				responseMode: 'blocking',
				conversationId: '45701982-8118-4bc5-8e9b-64562b4555f2',
			},
		});
		expect(result.error).toBeUndefined();
		const item = json(result);
		const blocking = dify.BLOCKING_RESPONSE;
		expect(item).toMatchObject({
			event: 'message',
			task_id: blocking.task_id,
			id: blocking.id,
			message_id: blocking.message_id,
			conversation_id: blocking.conversation_id,
			mode: 'chat',
			answer: blocking.answer,
			created_at: blocking.created_at,
			status: 'succeeded',
			reasoning: '',
			agent_thoughts: [],
			files: [],
			form: null,
		});
		expect(item.metadata).toEqual(blocking.metadata);
		expect(chatCalls(ctx.sim)[0].body).toMatchObject({
			response_mode: 'blocking',
			conversation_id: blocking.conversation_id,
		});
	});

	test('streaming (workflow): workflow and node events, reasoning, message_end then workflow_finished', async () => {
		const result = await run({ query: 'Hi sim:advanced-chat' });
		expect(result.error).toBeUndefined();
		const item = json(result);
		expect(item).toEqual(await expectedItem('advanced-chat'));
		expect(item).toMatchObject({
			mode: 'advanced-chat',
			answer: ' I',
			reasoning: 'The user greeted me, so',
			workflow_run_id: 'wfr_abc123',
			status: 'succeeded',
		});
		expect(item.workflow).toMatchObject({
			id: 'wfr_abc123',
			workflow_id: 'wf_def456',
			status: 'succeeded',
			total_tokens: 50,
			total_steps: 2,
			elapsed_time: 2.5,
		});
		expect(item.nodes.list).toEqual([
			expect.objectContaining({
				node_id: 'node_llm_1',
				node_type: 'llm',
				status: 'succeeded',
				elapsed_time: 1.5,
			}),
		]);
	});

	test('Human Input pause: status "paused" with the form (token, content, inputs, actions, expiration)', async () => {
		const result = await run({ query: 'Draft sim:human-input-pause' });
		expect(result.error).toBeUndefined();
		const item = json(result);
		expect(item.status).toBe('paused');
		expect(item.workflow_run_id).toBe('fb47b2e6-5e43-4f90-be01-d5c5a088d156');
		expect(item.form).toMatchObject({
			form_token: 'tok_abc123',
			form_content: 'Please review the draft.',
			node_id: 'approval_node',
			expiration_time: 1705494029,
			inputs: [{ type: 'paragraph', output_variable_name: 'comment', default: null }],
			actions: [{ id: 'approve', title: 'Approve', button_style: 'primary' }],
		});
		expect(item.workflow.status).toBe('paused');
	});
});

describe('Dify: one stream per app type', () => {
	test('chat (Chatbot): multi-byte chunks, ping and retriever resources', async () => {
		const result = await run({ query: 'sim:chat-unicode' });
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual(await expectedItem('chat-unicode'));
		expect(json(result).answer).toBe(
			'Grüße aus Zürich 👋! 日本語の回答 — iPhone 13 Pro Max specs are listed here: 6.7″ display, A15 chip 🚀.',
		);
		expect(json(result).metadata.retriever_resources.length).toBeGreaterThan(0);
	});

	test('agent-chat (Agent): agent_message chunks, agent thoughts updated in place, message_file', async () => {
		const result = await run({ query: 'Draw a cat sim:agent-chat' });
		expect(result.error).toBeUndefined();
		const item = json(result);
		expect(item.mode).toBe('agent-chat');
		expect(item.answer).toBe('Here is the image: a cute cat.');
		expect(item.agent_thoughts).toHaveLength(2);
		expect(item.agent_thoughts[0]).toMatchObject({
			id: 'agent_thought_id_1',
			tool: 'dalle3',
			observation: 'image generated',
			message_files: ['file_id_1'],
		});
		expect(item.files).toEqual([
			expect.objectContaining({
				id: 'file_id_1',
				type: 'image',
				url: 'https://example.com/cat.png',
				belongs_to: 'assistant',
			}),
		]);
		expect(item.status).toBe('succeeded');
	});

	test('agent (New Agent): the closing full message is not appended twice', async () => {
		const result = await run({ query: 'Weather in Paris? sim:new-agent' });
		expect(result.error).toBeUndefined();
		expect(json(result).mode).toBe('agent');
		expect(json(result).answer).toBe('In Paris it is 18 °C and cloudy ☁️.');
		expect(json(result)).toEqual(await expectedItem('new-agent'));
	});

	test('advanced-chat (Chatflow) with iteration, loop, retry, agent_log and text_chunk: summarised', async () => {
		const result = await run({ query: 'sim:advanced-chat-iteration' });
		expect(result.error).toBeUndefined();
		const item = json(result);
		expect(item.answer).toBe('Tea and coffee both contain caffeine.');
		expect(item.nodes).toMatchObject({
			count: 5,
			iterations: 1,
			loops: 1,
			agent_logs: 2,
			retries: 1,
		});
		expect(item.events).toBeUndefined();
		expect(item).toEqual(await expectedItem('advanced-chat-iteration'));
	});
});

describe('Dify: every event type', () => {
	test('message_replace replaces the answer so far', async () => {
		const result = await run({ query: 'sim:message-replace' });
		expect(json(result).answer).toBe("Sorry, I can't help with that.");
	});

	test('reasoning_chunk deltas are concatenated apart from the answer', async () => {
		const result = await run({ query: 'sim:reasoning' });
		expect(json(result).reasoning).toBe('Die Frage ist auf Deutsch; ich antworte kurz — 简短地。');
		expect(json(result).answer).toBe('Guten Tag! Schön, dass du fragst.');
	});

	test('tts_* events are ignored by default and collected with Include Text-to-Speech Audio', async () => {
		const plain = await run({ query: 'sim:tts' });
		expect(json(plain).answer).toBe('Hello there.');
		expect(json(plain).tts).toBeUndefined();
		expect(allText(json(plain))).not.toContain('tts_message');

		const withAudio = await run({ query: 'sim:tts', options: { includeTts: true } });
		expect(json(withAudio).tts).toMatchObject({ chunks: 2, ended: true });
		expect(json(withAudio)).toEqual(await expectedItem('tts', { includeTts: true }));
	});

	test('Keep Raw Events adds every event in order (pings excluded)', async () => {
		const result = await run({
			query: 'sim:advanced-chat-iteration',
			options: { keepEvents: true },
		});
		const events = json(result).events as IDataObject[];
		const expected = (await expectedItem('advanced-chat-iteration', { keepEvents: true }))
			.events as IDataObject[];
		expect(events).toEqual(expected);
		expect(events.map((e) => e.event)).toEqual(
			expect.arrayContaining([
				'iteration_started',
				'iteration_next',
				'loop_started',
				'node_retry',
				'agent_log',
				'text_chunk',
			]),
		);
		expect(events.some((e) => e.event === 'ping')).toBe(false);
	});
});

describe('Dify: request fields', () => {
	test("inputs as name/value pairs, conversation, auto name and workflow version are sent with Dify's names", async () => {
		const workflowId = 'a1b2c3d4-5678-90ab-cdef-1234567890ab';
		const result = await run({
			query: 'Weather?',
			inputs: {
				values: [
					{ name: 'city', value: 'San Francisco' },
					{ name: 'unit', value: 'C' },
				],
			},
			additionalFields: {
				conversationId: ' 45701982-8118-4bc5-8e9b-64562b4555f2 ',
				autoGenerateName: false,
				workflowId,
			},
		});
		expect(result.error).toBeUndefined();
		expect(chatCalls(ctx.sim)[0].body).toEqual({
			query: 'Weather?',
			inputs: { city: 'San Francisco', unit: 'C' },
			user: 'user-42',
			response_mode: 'streaming',
			conversation_id: '45701982-8118-4bc5-8e9b-64562b4555f2',
			auto_generate_name: false,
			workflow_id: workflowId,
		});
	});

	test('inputs as JSON keep their types; expressions resolve per item', async () => {
		const result = await run(
			{
				query: '={{ $json.q }}',
				user: '={{ $json.u }}',
				inputsFormat: 'json',
				inputsJson: '={{ JSON.stringify({ n: $json.n, tags: ["a", "b"], ok: true }) }}',
			},
			{
				items: [
					{ q: 'first', u: 'alice', n: 1 },
					{ q: 'second', u: 'bob', n: 2 },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		const bodies = chatCalls(ctx.sim).map((c) => c.body);
		expect(bodies).toEqual([
			{
				query: 'first',
				user: 'alice',
				inputs: { n: 1, tags: ['a', 'b'], ok: true },
				response_mode: 'streaming',
			},
			{
				query: 'second',
				user: 'bob',
				inputs: { n: 2, tags: ['a', 'b'], ok: true },
				response_mode: 'streaming',
			},
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('concurrency: items run at the same time and come out in input order', async () => {
		const queries = [
			'sim:advanced-chat-iteration +bytes',
			'sim:chat-basic',
			'sim:new-agent',
			'sim:agent-chat',
		];
		const result = await run(
			{ query: '={{ $json.q }}', options: { concurrency: 4 } },
			{ items: queries.map((q) => ({ q })) },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.answer)).toEqual([
			'Tea and coffee both contain caffeine.',
			' I',
			'In Paris it is 18 °C and cloudy ☁️.',
			'Here is the image: a cute cat.',
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		// the slow first stream (one byte per chunk) did not hold back the others: every request had
		// arrived before the simulator finished writing it
		const calls = chatCalls(ctx.sim) as Array<{ body: any; at: number; streamEndedAt?: number }>;
		expect(calls).toHaveLength(4);
		expect(new Set(calls.map((c) => c.body.query))).toEqual(new Set(queries));
		const slow = calls.find((c) => c.body.query === queries[0])!;
		expect(slow.streamEndedAt).toBeDefined();
		for (const call of calls) expect(call.at).toBeLessThanOrEqual(slow.streamEndedAt!);
	});

	test('the API key appears nowhere in the output', async () => {
		const result = await run({
			query: 'sim:advanced-chat',
			options: { keepEvents: true },
		});
		expect(allText(result.items)).not.toContain(TOKEN);
		expect(allText(result.run)).not.toContain(TOKEN);
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
		const result = await run(parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an empty query typed into the field is caught by n8n's required check before the node runs", async () => {
		const result = await run({ query: '' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Query/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('bad input on the second item stops the run before the first item is sent', async () => {
		const result = await run({ query: '={{ $json.q }}' }, { items: [{ q: 'fine' }, { q: '' }] });
		expect(result.error?.message).toMatch(/^Query: must not be empty/);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('with Continue On Fail, a bad item becomes an error item and the good one is sent', async () => {
		const result = await run(
			{ query: '={{ $json.q }}' },
			{ items: [{ q: 'fine sim:chat-basic' }, { q: '' }], continueOnFail: true },
		);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.answer).toBe(' I');
		expect(result.items[1].json.error).toMatch(/^Query: must not be empty/);
		expect(chatCalls(ctx.sim)).toHaveLength(1);
	});
});
