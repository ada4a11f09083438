/** The aggregation of each recorded Dify stream: one fixture per app type and event kind. */
import type { DifyAggregateResult } from '../../../nodes/Dify/helpers/stream/interfaces';
import { DifyStreamAggregator } from '../../../nodes/Dify/helpers/stream/aggregator';
import { aggregateDifyStream } from '../../../nodes/Dify/helpers/stream/reader';
import { asyncChunks, fixtureBytes } from '../kit';

async function aggregateFixture(
	name: string,
	options: Parameters<typeof aggregateDifyStream>[1] = {},
): Promise<DifyAggregateResult> {
	return await aggregateDifyStream(asyncChunks([fixtureBytes(name)]), options);
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
		const text = fixtureBytes('workflow-failed.sse').toString('utf8');
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
