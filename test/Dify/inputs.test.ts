/** The app's input variables as Name/Value rows: any name is the app's, only a repeated one is refused. */
import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { chatCalls } from './kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'user-42',
	query: 'hi sim:chat-basic',
});

describe('Dify: Inputs rows', () => {
	test('names an object already has (constructor, toString, hasOwnProperty, __proto__) are sent as the app variables they are', async () => {
		const result = await run({
			inputs: {
				values: [
					{ name: 'constructor', value: 'c' },
					{ name: 'toString', value: 't' },
					{ name: 'hasOwnProperty', value: 'h' },
					{ name: '__proto__', value: 'p' },
					{ name: 'city', value: 'Paris' },
				],
			},
		});
		expect(result.error).toBeUndefined();
		const [sent] = chatCalls(ctx.sim);
		expect(JSON.parse((sent as unknown as { raw: Buffer }).raw.toString('utf8')).inputs).toEqual(
			JSON.parse(
				'{"constructor":"c","toString":"t","hasOwnProperty":"h","__proto__":"p","city":"Paris"}',
			),
		);
		expect(Object.keys(sent.body.inputs)).toEqual([
			'constructor',
			'toString',
			'hasOwnProperty',
			'__proto__',
			'city',
		]);
	});

	test('Inputs (JSON) with such names reaches Dify whole (Workflow → Run)', async () => {
		const result = await run({
			resource: 'workflow',
			operation: 'run',
			inputsFormat: 'json',
			inputsJson: '{ "constructor": "c", "prototype": "p", "topic": "coffee" }',
		});
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST', '/workflows/run');
		expect(Object.keys(sent.body.inputs)).toEqual(['constructor', 'prototype', 'topic']);
	});

	test('a name given twice is still refused before any request, also for such names', async () => {
		const result = await run({
			inputs: {
				values: [
					{ name: 'toString', value: '1' },
					{ name: 'toString', value: '2' },
				],
			},
		});
		expect(result.error?.message).toMatch(/^Inputs: "toString" is given more than once/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
