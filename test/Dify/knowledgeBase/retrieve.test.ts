/** Knowledge Base → Retrieve: the query, the retrieval settings, one item per chunk found. */
import { recordItem, toolRecord } from '../../../nodes/Dify/helpers/knowledge/retrieval';
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'knowledgeBase',
	operation: 'retrieve',
	datasetId: knowledge.HELP_DATASET,
});
const path = `/datasets/${knowledge.HELP_DATASET}/retrieve`;

describe('Dify: Knowledge Base → Retrieve', () => {
	test("with the knowledge base's own settings only the query is sent; one item per chunk: content, score, document first", async () => {
		const result = await run({ query: 'How long is the warranty on the X200 kettle?' });
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST', path);
		expect(sent.body).toEqual({ query: 'How long is the warranty on the X200 kettle?' });
		expect(sent.headers.authorization).toBe(`Bearer ${knowledge.KNOWLEDGE_TOKEN}`);
		const first = json(result);
		expect(Object.keys(first).slice(0, 4)).toEqual([
			'content',
			'score',
			'document_name',
			'document_id',
		]);
		expect(first).toMatchObject({
			content: knowledge.KETTLE_WARRANTY,
			score: 1,
			document_name: 'Warranty',
			document_id: 'd44382ad-f4f1-4cad-80d9-16d91a717655',
			position: 1,
			keywords: ['kettle', 'carries', 'warranty'],
			document_metadata: { team: 'support' },
		});
		expect(first.segment).toBeUndefined();
		// the toaster chunk matches "warranty" only
		expect(result.items.map((i) => i.json.score)).toEqual([1, 0.3333]);
		expect(result.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Custom settings send a complete retrieval_model: search method, top-k, threshold, reranking, metadata filters', async () => {
		const result = await run({
			query: 'warranty kettle toaster',
			retrievalSettings: 'custom',
			searchMethod: 'hybrid_search',
			topK: 1,
			scoreThreshold: 0.5,
			reranking: 'rerankingModel',
			rerankingProviderName: 'langgenius/cohere/cohere',
			rerankingModelName: 'rerank-english-v3.0',
			metadataFilters: {
				conditions: [
					{ fieldName: 'team', operator: 'in', value: 'support, logistics' },
					{ fieldName: 'team', operator: 'not empty', value: 'ignored' },
				],
			},
			metadataLogic: 'and',
			options: { includeSegment: true },
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', path)[0].body).toEqual({
			query: 'warranty kettle toaster',
			retrieval_model: {
				search_method: 'hybrid_search',
				reranking_enable: true,
				reranking_mode: 'reranking_model',
				reranking_model: {
					reranking_provider_name: 'langgenius/cohere/cohere',
					reranking_model_name: 'rerank-english-v3.0',
				},
				top_k: 1,
				score_threshold_enabled: true,
				score_threshold: 0.5,
				metadata_filtering_conditions: {
					logical_operator: 'and',
					conditions: [
						{ name: 'team', comparison_operator: 'in', value: ['support', 'logistics'] },
						{ name: 'team', comparison_operator: 'not empty' },
					],
				},
			},
		});
		expect(result.items).toHaveLength(1);
		expect(json(result).segment).toMatchObject({
			content: knowledge.KETTLE_WARRANTY,
			status: 'completed',
		});
	});

	test('Weighted Score sends the weights; numbers and dates go as numbers; a filter that matches nothing finds nothing', async () => {
		const result = await run({
			query: 'orders ship',
			retrievalSettings: 'custom',
			searchMethod: 'hybrid_search',
			topK: 3,
			scoreThreshold: 0,
			reranking: 'weightedScore',
			semanticWeight: 0.6,
			metadataFilters: {
				conditions: [
					{ fieldName: 'priority', operator: '≥', value: '2' },
					{ fieldName: 'reviewed', operator: 'after', value: '2025-01-01T00:00:00Z' },
				],
			},
			metadataLogic: 'or',
		});
		expect(result.error).toBeUndefined();
		const model = ctx.sim.calls('POST', path)[0].body.retrieval_model;
		expect(model).toMatchObject({
			reranking_enable: false,
			reranking_mode: 'weighted_score',
			weights: {
				weight_type: 'customized',
				vector_setting: { vector_weight: 0.6 },
				keyword_setting: { keyword_weight: 0.4 },
			},
			score_threshold_enabled: false,
			score_threshold: null,
			metadata_filtering_conditions: {
				logical_operator: 'or',
				conditions: [
					{ name: 'priority', comparison_operator: '≥', value: 2 },
					{ name: 'reviewed', comparison_operator: 'after', value: 1735689600 },
				],
			},
		});
		expect(result.items).toHaveLength(0);
	});

	test('bad input is refused before any request, naming the field', async () => {
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ query: 'x'.repeat(251) }, /^Query: must be at most 250 characters, got 251$/],
			[{ query: '  ' }, /^Query: must not be empty$/],
			[{ query: 'q', datasetId: 'abc' }, /^Knowledge Base ID: must be a UUID/],
			[
				{
					query: 'q',
					retrievalSettings: 'custom',
					reranking: 'rerankingModel',
					rerankingProviderName: 'p',
					rerankingModelName: '  ',
				},
				/^Rerank Model: must not be empty$/,
			],
			[
				{
					query: 'q',
					retrievalSettings: 'custom',
					metadataFilters: { conditions: [{ fieldName: 'n', operator: '>', value: 'many' }] },
				},
				/^Metadata Filters → Condition 1 → Value: must be a number, got "many"$/,
			],
			[
				{
					query: 'q',
					retrievalSettings: 'custom',
					metadataFilters: { conditions: [{ fieldName: ' ', operator: 'is', value: 'a' }] },
				},
				/^Metadata Filters → Condition 1 → Field Name: must not be empty$/,
			],
		];
		for (const [parameters, message] of cases) {
			const result = await run(parameters);
			expect(result.error?.message).toMatch(message);
		}
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('a knowledge base with nothing indexed yet is 400 dataset_not_initialized, explained; an unknown rerank model is 400 invalid_param', async () => {
		const [empty] = knowledge.seedDatasets(ctx.sim.state, 1, 'Nothing yet');
		const result = await run({ datasetId: empty, query: 'anything' }, { continueOnFail: true });
		expect(json(result)).toMatchObject({
			error: 'The dataset is still being initialized or indexing. Please wait a moment.',
			httpCode: '400',
			code: 'dataset_not_initialized',
			retryable: true,
		});
		expect(json(result).errorDescription).toContain('Wait Until Indexed');
		const rerank = await run({
			query: 'warranty',
			retrievalSettings: 'custom',
			reranking: 'rerankingModel',
			rerankingProviderName: 'langgenius/cohere/cohere',
			rerankingModelName: 'rerank-nope',
		});
		expect(rerank.error?.message).toBe('Model rerank-nope is not available.');
		expect(rerank.error?.httpCode).toBe('400');
	});

	test('a search is a read: retried after a 500', async () => {
		ctx.sim.fault({ method: 'POST', path }, { status: 500 });
		const result = await run({ query: 'express delivery' });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', path)).toHaveLength(2);
		expect(json(result).document_name).toBe('Shipping');
	});

	test('as an AI Agent tool a record is short: content (with the answer of a Q&A chunk), score and document name', () => {
		const record = {
			segment: {
				id: 's1',
				content: 'Q: Refunds?',
				answer: 'Within 5 days.',
				keywords: ['refund'],
				index_node_id: 'n1',
				document: { id: 'd1', name: 'FAQ', doc_metadata: null },
			},
			score: 0.81,
			child_chunks: [],
		};
		expect(toolRecord(record)).toEqual({
			content: 'Q: Refunds?\nWithin 5 days.',
			score: 0.81,
			document_name: 'FAQ',
		});
		expect(recordItem(record, false)).toEqual({
			content: 'Q: Refunds?',
			score: 0.81,
			document_name: 'FAQ',
			document_id: 'd1',
			segment_id: 's1',
			position: undefined,
			answer: 'Within 5 days.',
			keywords: ['refund'],
		});
	});
});
