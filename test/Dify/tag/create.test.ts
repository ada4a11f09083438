/** Tag → Create. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'tag' });

describe('Dify: Tag → Create', () => {
	test('POST /datasets/tags with the name; outputs the tag', async () => {
		const created = await run({ operation: 'create', name: 'Onboarding' });
		expect(created.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST', '/datasets/tags');
		expect(sent.body).toEqual({ name: 'Onboarding' });
		expect(sent.headers.authorization).toBe(`Bearer ${knowledge.KNOWLEDGE_TOKEN}`);
		expect(json(created)).toMatchObject({
			name: 'Onboarding',
			type: 'knowledge',
			binding_count: '0',
		});
	});

	test('a duplicate name is 400 "Tag name already exists"; a name over 50 characters is refused before any request', async () => {
		const dup = await run({ operation: 'create', name: 'Product Docs' }, { continueOnFail: true });
		expect(json(dup)).toMatchObject({
			error: 'Tag name already exists',
			httpCode: '400',
			code: 'invalid_param',
		});
		ctx.sim.reset();
		const long = await run({ operation: 'create', name: 'x'.repeat(51) });
		expect(long.error?.message).toBe('Name: must be at most 50 characters, got 51');
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
