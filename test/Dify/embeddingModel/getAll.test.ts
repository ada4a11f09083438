/** Embedding Model → Get Many: one item per model, with its provider. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'embeddingModel', operation: 'getAll' });

describe('Dify: Embedding Model → Get Many', () => {
	test('GET /workspaces/current/models/model-types/text-embedding: one item per model, provider first', async () => {
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].path).toBe('/workspaces/current/models/model-types/text-embedding');
		expect(result.items.map((i) => [i.json.provider, i.json.model])).toEqual([
			['langgenius/openai/openai', 'text-embedding-3-small'],
			['langgenius/openai/openai', 'text-embedding-3-large'],
		]);
		expect(Object.keys(result.items[0].json).slice(0, 4)).toEqual([
			'provider',
			'provider_label',
			'provider_status',
			'model',
		]);
		expect(result.items[0].json).toMatchObject({
			provider_label: 'OpenAI',
			model_type: 'text-embedding',
			status: 'active',
		});
	});

	test('Model Type Rerank lists the rerank models; a Limit cuts the list; an unknown type is refused', async () => {
		const rerank = await run({ modelType: 'rerank', limit: 5 });
		expect(ctx.sim.requests[0].path).toBe('/workspaces/current/models/model-types/rerank');
		expect(rerank.items.map((i) => i.json.model)).toEqual(['rerank-english-v3.0']);
		const one = await run({ limit: 1 });
		expect(one.items).toHaveLength(1);
		ctx.sim.reset();
		const bad = await run({ modelType: 'llm' });
		expect(bad.error?.message).toBe('Model Type: must be text-embedding or rerank, got "llm"');
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
