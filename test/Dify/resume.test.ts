/** A Chatflow or Workflow stream that breaks is reopened and finishes the same item. */
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { chatCalls, expectedItem, fixtureBytes } from './kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'user-42',
});

/** Byte offsets where each event of a fixture ends (after its blank line). */
function eventEnds(name: string): number[] {
	const text = fixtureBytes(`${name}.sse`).toString('utf8');
	const ends: number[] = [];
	let at = 0;
	for (;;) {
		const next = text.indexOf('\n\n', at);
		if (next === -1) break;
		at = next + 2;
		ends.push(Buffer.byteLength(text.slice(0, at)));
	}
	return ends;
}

/** `count` cut offsets spread over the stream after workflow_started, some inside events. */
function cutOffsets(name: string, count: number): number[] {
	const ends = eventEnds(name);
	const first = ends[0];
	const total = ends[ends.length - 1];
	const offsets: number[] = [];
	for (let k = 0; k < count; k++) {
		offsets.push(first + 1 + Math.floor(((total - first - 2) * k) / (count - 1)));
	}
	// one exactly at an event boundary, one exactly after the answer's last chunk
	offsets[1] = ends[3];
	return offsets;
}

const eventCalls = () => ctx.sim.calls('GET', '/workflow/');

describe('Dify: a Chatflow stream that breaks is reopened and finishes the same item', () => {
	const fixture = 'advanced-chat-iteration';

	test.each(cutOffsets(fixture, 10))('reset after %i bytes', async (offset) => {
		const reference = await expectedItem(fixture);
		const result = await run({ query: `sim:${fixture} +cut@${offset}` });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ ...reference, resumed: 1 });
		const reopened = eventCalls();
		expect(reopened).toHaveLength(1);
		expect(reopened[0].path).toBe('/workflow/5c4b3a29-1807-4f6e-9d5c-4b3a29180760/events');
		expect((reopened[0] as unknown as { rawQuery: string }).rawQuery).toBe(
			'?user=user-42&include_state_snapshot=true',
		);
		expect(chatCalls(ctx.sim)).toHaveLength(1);
	});

	test('a snapshot that only summarises the nodes gives the same item too', async () => {
		const reference = await expectedItem(fixture);
		const offset = eventEnds(fixture)[20] + 7;
		const result = await run({ query: `sim:${fixture} +cut@${offset} +summary` });
		expect(result.items[0].json).toEqual({ ...reference, resumed: 1 });
	});

	test('attempts are bounded: every reopened stream breaks too → the error, with the partial answer', async () => {
		const offset = eventEnds(fixture)[2] + 3;
		const result = await run(
			{ query: `sim:${fixture} +cut@${offset} +cutresume`, options: { resumeAttempts: 2 } },
			{ continueOnFail: true },
		);
		const item = result.items[0].json as IDataObject;
		expect(item.status).toBe('failed');
		expect(item.resumed).toBe(2);
		expect(['incomplete_stream', 'stream_interrupted']).toContain(item.code);
		expect(item.retryable).toBe(true);
		expect(String(item.errorDescription)).toContain('reopened 2 time(s)');
		expect(eventCalls()).toHaveLength(2);
	});

	test('Resume Attempts 0 keeps the old behaviour: the broken stream is an error', async () => {
		const offset = eventEnds(fixture)[5] + 3;
		const result = await run({
			query: `sim:${fixture} +cut@${offset}`,
			options: { resumeAttempts: 0 },
		});
		expect(result.error?.description).toMatch(/incomplete_stream|stream_interrupted/);
		expect(eventCalls()).toHaveLength(0);
	});

	test('Chatbot replies (no workflow run) are not reopened: today’s error with the partial answer', async () => {
		const result = await run({ query: 'sim:chat-unicode +cut' }, { continueOnFail: true });
		const item = result.items[0].json as IDataObject;
		expect(item.status).toBe('failed');
		expect(item).not.toHaveProperty('resumed');
		expect(eventCalls()).toHaveLength(0);
	});

	test('a run the events endpoint does not know (404) ends with the break, saying why', async () => {
		const offset = eventEnds(fixture)[4] + 3;
		ctx.sim.fault(
			{ method: 'GET', path: /^\/workflow\// },
			{ status: 404, message: 'Workflow run not found' },
		);
		const result = await run({ query: `sim:${fixture} +cut@${offset}` });
		expect(result.error?.description).toContain('Reopening the stream failed');
	});
});

describe('Dify: Workflow → Run survives a broken stream', () => {
	const fixture = 'workflow-run';
	const runTopic = (topic: string, options: IDataObject = {}) =>
		run({
			resource: 'workflow',
			operation: 'run',
			inputsFormat: 'json',
			inputsJson: JSON.stringify({ topic }),
			options,
		});

	test.each(cutOffsets(fixture, 10))(
		'reset after %i bytes: identical item, resumed: 1',
		async (offset) => {
			const unbroken = await runTopic('coffee');
			ctx.sim.reset();
			const result = await runTopic(`coffee +cut@${offset}`);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toEqual({ ...unbroken.items[0].json, resumed: 1 });
			expect(eventCalls()).toHaveLength(1);
		},
	);

	test('a stall past the Timeout option is a break too, and is resumed', async () => {
		const unbroken = await runTopic('coffee');
		ctx.sim.reset();
		const offset = eventEnds(fixture)[10] + 5;
		const started = Date.now();
		const result = await runTopic(`coffee +stall@${offset}`, { timeout: 1000 });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ ...unbroken.items[0].json, resumed: 1 });
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});
});
