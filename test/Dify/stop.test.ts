/** Stopping a task: the three Stop operations, and the stop call when an execution is cancelled. */
import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { chatCalls, TOKEN, waitFor } from './kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'user-42',
});

const TASK = 'c3800678-a077-43df-a102-53f23ed20b88';

describe('Dify: the Stop operations', () => {
	test.each([
		['chatMessage', '/chat-messages', 'stops'],
		['completionMessage', '/completion-messages', 'completionStops'],
		['workflow', '/workflows/tasks', 'workflowStops'],
	])('%s → Stop: POST %s/{task_id}/stop with the user', async (resource, base, list) => {
		const result = await run({ resource, operation: 'stop', taskId: ` ${TASK} ` });
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
		const result = await run({ operation: 'stop', taskId: TASK });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(2);
	});

	test.each([['chatMessage'], ['completionMessage'], ['workflow']])(
		'%s → Stop without a Task ID is refused before any request',
		async (resource) => {
			const result = await run({ resource, operation: 'stop', taskId: '  ' });
			expect(result.error?.message).toMatch(/^Task ID:/);
			expect(ctx.sim.requests).toHaveLength(0);
		},
	);

	test.each([
		['chatMessage', '..'],
		['completionMessage', '.'],
		['workflow', '../../info'],
		['chatMessage', 'task\\1'],
	])(
		'%s → Stop with the Task ID %j is refused before any request (it would change the path)',
		async (resource, taskId) => {
			const result = await run({ resource, operation: 'stop', taskId });
			expect(result.error?.message).toMatch(/^Task ID: .+ is not an ID/);
			expect(result.error?.context?.field).toBe('Task ID');
			expect(ctx.sim.requests).toHaveLength(0);
		},
	);
});

describe('Dify: cancelling the execution', () => {
	test('aborts the stream and calls POST /chat-messages/{task_id}/stop with the same user', async () => {
		let cancel: (() => void) | undefined;
		const running = run(
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
		const result = await run({ query: 'hello' });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST').filter((c) => c.path.endsWith('/stop'))).toHaveLength(0);
	});
});
