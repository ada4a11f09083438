/** Knowledge Base → Create, and the Knowledge credential every Knowledge resource signs with. */
import { nodeRunner, specs } from '../../engine/nodes';
import { allText, useSimulator } from '../../helpers';
import { dify, json, TOKEN } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'knowledgeBase', operation: 'create' });

describe('Dify: Knowledge Base → Create', () => {
	test('POST /datasets with the name and the fields set, signed with the Knowledge API key; outputs the knowledge base', async () => {
		const result = await run({
			name: 'Support Articles',
			additionalFields: {
				description: 'Answers for the support team',
				indexingTechnique: 'high_quality',
				permission: 'all_team_members',
				embeddingModel: 'text-embedding-3-small',
				embeddingModelProvider: 'langgenius/openai/openai',
			},
			additionalBodyFields:
				'{"retrieval_model":{"search_method":"hybrid_search","reranking_enable":false,"top_k":5,"score_threshold_enabled":false}}',
		});
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST', '/datasets');
		expect(sent.headers.authorization).toBe(`Bearer ${dify.KNOWLEDGE_TOKEN}`);
		expect(sent.body).toEqual({
			name: 'Support Articles',
			description: 'Answers for the support team',
			indexing_technique: 'high_quality',
			permission: 'all_team_members',
			embedding_model: 'text-embedding-3-small',
			embedding_model_provider: 'langgenius/openai/openai',
			retrieval_model: {
				search_method: 'hybrid_search',
				reranking_enable: false,
				top_k: 5,
				score_threshold_enabled: false,
			},
		});
		expect(sent.rejected).toBeUndefined();
		expect(json(result)).toMatchObject({
			name: 'Support Articles',
			permission: 'all_team_members',
			document_count: 0,
			retrieval_model_dict: { search_method: 'hybrid_search', top_k: 5 },
		});
		expect(json(result).id).toMatch(/^[0-9a-f-]{36}$/);
	});

	test('only the name is required; a second knowledge base of the same name is 409 dataset_name_duplicate, explained', async () => {
		const first = await run({ name: 'Only Once' });
		expect(first.error).toBeUndefined();
		expect(ctx.sim.calls('POST', '/datasets')[0].body).toEqual({ name: 'Only Once' });
		const again = await run({ name: 'Only Once' }, { continueOnFail: true });
		expect(json(again)).toMatchObject({
			error: 'The dataset name already exists. Please modify your dataset name.',
			httpCode: '409',
			code: 'dataset_name_duplicate',
			retryable: false,
		});
		expect(json(again).errorDescription).toContain('Knowledge Base → Get Many');
	});

	test('a name over 40 characters, an empty name or bad JSON is refused before any request', async () => {
		for (const [parameters, message] of [
			[{ name: 'x'.repeat(41) }, /^Name: must be at most 40 characters, got 41$/],
			[{ name: '   ' }, /^Name: must not be empty$/],
			[
				{ name: 'Fine', additionalBodyFields: '{oops' },
				/^Extra Body Fields \(JSON\): is not valid JSON/,
			],
			[
				{ name: 'Fine', additionalFields: { permission: 'everyone' } },
				/^Permission: must be one of/,
			],
		] as const) {
			const result = await run(parameters as never);
			expect(result.error?.message).toMatch(message);
		}
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('an app API key is refused (401) with a hint that Knowledge needs a Knowledge API key, and the key is nowhere in the error', async () => {
		const result = await run(
			{ name: 'Signed Wrong' },
			{ credential: { apiKey: TOKEN }, continueOnFail: true },
		);
		const item = json(result);
		expect(item).toMatchObject({ httpCode: '401', code: 'unauthorized', retryable: false });
		expect(item.errorDescription).toContain('Knowledge API key');
		expect(item.errorDescription).toContain('not the API key of an app');
		expect(allText(result.items)).not.toContain(TOKEN);
	});
});
