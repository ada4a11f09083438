/** Metadata → Create. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'metadata',
	datasetId: knowledge.DOCS_DATASET,
});
const base = `/datasets/${knowledge.DOCS_DATASET}/metadata`;

describe('Dify: Metadata → Create', () => {
	test('POST …/metadata with type and name; outputs the field', async () => {
		const created = await run({ operation: 'create', name: 'reviewed', type: 'time' });
		expect(created.error).toBeUndefined();
		expect(ctx.sim.calls('POST', base)[0].body).toEqual({ type: 'time', name: 'reviewed' });
		expect(json(created)).toMatchObject({ name: 'reviewed', type: 'time' });
		expect(json(created).id).toMatch(/^[0-9a-f-]{36}$/);
	});

	test('a name taken, or a built-in one, is 400 invalid_param; bad input is refused before any request', async () => {
		expect(
			(await run({ operation: 'create', name: 'author', type: 'string' })).error?.message,
		).toBe('Metadata name already exists.');
		const builtIn = await run(
			{ operation: 'create', name: 'uploader', type: 'string' },
			{ continueOnFail: true },
		);
		expect(json(builtIn)).toMatchObject({
			error: 'Metadata name already exists in Built-in fields.',
			httpCode: '400',
			code: 'invalid_param',
		});
		ctx.sim.reset();
		for (const [parameters, message] of [
			[
				{ operation: 'create', name: 'x'.repeat(256), type: 'string' },
				'Name: must be at most 255 characters, got 256',
			],
			[
				{ operation: 'create', name: 'n', type: 'date' },
				'Type: must be one of string, number, time, got "date"',
			],
			[
				{ operation: 'create', datasetId: 'kb', name: 'n', type: 'string' },
				expect.stringMatching(/^Knowledge Base ID: must be a UUID/),
			],
		] as const) {
			expect((await run(parameters as never)).error?.message).toEqual(message);
		}
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
