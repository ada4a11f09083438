/**
 * The bounds of one reply: Options → Max Duration (the whole reply, not each silence) and Max
 * Answer Size. Past either the node stops reading, asks Dify to stop the task, and fails the item
 * with a code of its own, keeping what had arrived.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { Dify } from '../../nodes/Dify/Dify.node';
import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { chatCalls } from './kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'limit-user',
});

/** This test's requests to stop a task. */
const stopCalls = () => ctx.sim.calls('POST').filter((r) => r.path.endsWith('/stop'));

/** The run, cancelled after `ms` if it is still going (so a missing bound fails, not hangs). */
const bounded = (parameters: IDataObject, ms = 8000, continueOnFail = false) => {
	let timer: NodeJS.Timeout | undefined;
	return run(parameters, {
		continueOnFail,
		onStarted: ({ cancel }) => {
			timer = setTimeout(cancel, ms);
		},
	}).finally(() => clearTimeout(timer));
};

describe('Dify: Max Duration bounds the whole reply', () => {
	test('a stream that keeps pinging ends at Max Duration: max_duration_exceeded, the partial answer, Dify asked to stop', async () => {
		const started = Date.now();
		const result = await bounded(
			{ query: 'sim:pings', options: { maxDuration: 1, timeout: 5000 } },
			8000,
			true,
		);
		const elapsed = Date.now() - started;
		const item = result.items[0]?.json as IDataObject;
		expect(item).toMatchObject({
			code: 'max_duration_exceeded',
			httpCode: '504',
			status: 'failed',
			answer: 'Thinking',
			task_id: `sim-task-${ctx.sim.state.requestCount}`,
		});
		expect(item.error).toBe(
			"Dify's reply took longer than the node's Max Duration (1 s), so the node stopped reading it",
		);
		expect(item.errorDescription).toContain(`Dify was asked to stop task ${item.task_id}.`);
		expect(elapsed).toBeLessThan(6000);
		expect(stopCalls().map((r) => [r.path, r.body])).toEqual([
			[`/chat-messages/${item.task_id}/stop`, { user: 'limit-user' }],
		]);
	});

	test('without Continue On Fail it is the node error, with the same code', async () => {
		const result = await bounded({ query: 'sim:pings', options: { maxDuration: 1 } });
		expect(result.error?.message).toMatch(/Max Duration \(1 s\)/);
		expect(result.error?.httpCode).toBe('504');
		expect(result.error?.description).toContain('max_duration_exceeded');
	});

	test('a reply that finishes in time is not touched by it', async () => {
		const result = await run({
			query: 'What are the specs of the iPhone 13 Pro Max? +paced',
			options: { maxDuration: 30 },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.status).toBe('succeeded');
		expect(stopCalls()).toHaveLength(0);
	});
});

describe('Dify: Max Answer Size bounds what the item holds', () => {
	test('a streamed answer past the size stops reading early: max_answer_size_exceeded, Dify asked to stop', async () => {
		const result = await bounded(
			{ query: 'sim:flood', options: { maxAnswerSize: 1 } },
			20000,
			true,
		);
		const item = result.items[0]?.json as IDataObject;
		expect(item).toMatchObject({
			code: 'max_answer_size_exceeded',
			httpCode: '413',
			status: 'failed',
			retryable: false,
		});
		expect(item.error).toBe(
			"Dify's reply grew past the node's Max Answer Size (1 MB), so the node stopped reading it",
		);
		const answer = String(item.answer);
		expect(answer.length).toBeGreaterThan(1024 * 1024);
		expect(answer.length).toBeLessThanOrEqual(1024 * 1024 + 256 * 1024);
		const [request] = chatCalls(ctx.sim) as unknown as Array<{ sentBytes: number }>;
		// the simulator would send 64 MiB: reading stopped long before
		expect(request.sentBytes).toBeLessThan(16 * 1024 * 1024);
		expect(stopCalls().map((r) => [r.path, r.body])).toEqual([
			[`/chat-messages/${item.task_id}/stop`, { user: 'limit-user' }],
		]);
	});

	test('a blocking answer past the size fails the same way', async () => {
		const result = await run(
			{
				query: 'sim:flood',
				additionalFields: { responseMode: 'blocking' },
				options: { maxAnswerSize: 1 },
			},
			{ continueOnFail: true },
		);
		const item = result.items[0]?.json as IDataObject;
		expect(item).toMatchObject({ code: 'max_answer_size_exceeded', status: 'failed' });
	});

	test('the Options default to 16 MB and 30 minutes', () => {
		const options = new Dify().description.properties.filter((p) => p.name === 'options');
		const defaults = new Map<string, unknown>();
		for (const collection of options)
			for (const option of collection.options as INodeProperties[])
				if (option.name === 'maxAnswerSize' || option.name === 'maxDuration')
					defaults.set(option.name, option.default);
		expect(Object.fromEntries(defaults)).toEqual({ maxAnswerSize: 16, maxDuration: 1800 });
	});
});

describe('Dify: bad bounds are refused before any request', () => {
	test.each([
		[{ maxAnswerSize: 0 }, /^Max Answer Size: must be a number above 0, got 0/],
		[{ maxAnswerSize: 'lots' }, /^Max Answer Size: must be a number above 0, got "lots"/],
		[{ maxAnswerSize: 2048 }, /^Max Answer Size: must be at most 1024, got 2048/],
		[{ maxDuration: 0 }, /^Max Duration: must be at least 1, got 0/],
		[{ maxDuration: 1.5 }, /^Max Duration: must be a whole number/],
	])('%j', async (options, message) => {
		const result = await run({ query: 'hi', options });
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
