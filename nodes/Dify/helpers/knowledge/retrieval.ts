/**
 * Knowledge Base → Retrieve: the retrieval settings (the knowledge base's own, or a complete
 * `retrieval_model` as openapi_service.json's RetrievalModel requires it: search method, top-k,
 * score threshold, reranking, metadata filters) and the records as items — for a workflow, the
 * chunk's content, score and document first; for an AI Agent, short records the model can read.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { invalid, optionalText, parseList } from '../../../common/validate';

/** Dify's maximum query length (`query` maxLength in the reference). */
export const MAX_QUERY_LENGTH = 250;

const SEARCH_METHODS = ['semantic_search', 'full_text_search', 'hybrid_search', 'keyword_search'];
const RERANKING = ['none', 'rerankingModel', 'weightedScore'];
const OPERATORS = [
	'contains',
	'not contains',
	'start with',
	'end with',
	'is',
	'is not',
	'empty',
	'not empty',
	'in',
	'not in',
	'=',
	'≠',
	'>',
	'<',
	'≥',
	'≤',
	'before',
	'after',
];
const NUMERIC = ['=', '≠', '>', '<', '≥', '≤'];
const LISTS = ['in', 'not in'];
const NO_VALUE = ['empty', 'not empty'];
const TIME = ['before', 'after'];

const custom = { show: { retrievalSettings: ['custom'] } };

export const retrievalProperties: INodeProperties[] = [
	{
		displayName: 'Retrieval Settings',
		name: 'retrievalSettings',
		type: 'options',
		options: [
			{
				name: 'Custom',
				value: 'custom',
				description: 'Choose the search method, number of chunks, threshold, reranking and filters',
			},
			{
				name: "Knowledge Base's Own",
				value: 'knowledgeBase',
				description: 'Search as the knowledge base is set up in Dify',
			},
		],
		default: 'knowledgeBase',
		description: 'How to search the knowledge base',
	},
	{
		displayName: 'Search Method',
		name: 'searchMethod',
		type: 'options',
		options: [
			{
				name: 'Full-Text',
				value: 'full_text_search',
				description: 'Matches the words of the query',
			},
			{
				name: 'Hybrid',
				value: 'hybrid_search',
				description: 'Semantic and full-text search together',
			},
			{
				name: 'Keyword',
				value: 'keyword_search',
				description: 'The keyword index of an Economy knowledge base',
			},
			{
				name: 'Semantic',
				value: 'semantic_search',
				description: 'Matches the meaning (embeddings)',
			},
		],
		default: 'semantic_search',
		displayOptions: custom,
	},
	{
		displayName: 'Top K',
		name: 'topK',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 3,
		description: 'How many chunks to return at most',
		displayOptions: custom,
	},
	{
		displayName: 'Score Threshold',
		name: 'scoreThreshold',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0,
		description:
			'Only chunks that score at least this much (0 to 1). 0 returns chunks of any score.',
		displayOptions: custom,
	},
	{
		displayName: 'Reranking',
		name: 'reranking',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{
				name: 'Rerank Model',
				value: 'rerankingModel',
				description: 'A rerank model orders the chunks found',
			},
			{
				name: 'Weighted Score',
				value: 'weightedScore',
				description: 'Hybrid search: weigh meaning against keywords',
			},
		],
		default: 'none',
		displayOptions: custom,
	},
	{
		displayName: 'Rerank Model Provider',
		name: 'rerankingProviderName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'langgenius/cohere/cohere',
		description: 'The "provider" of an Embedding Model → Get Many item with Model Type Rerank',
		displayOptions: { show: { retrievalSettings: ['custom'], reranking: ['rerankingModel'] } },
	},
	{
		displayName: 'Rerank Model',
		name: 'rerankingModelName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'rerank-english-v3.0',
		description: 'The "model" of the same Embedding Model → Get Many item',
		displayOptions: { show: { retrievalSettings: ['custom'], reranking: ['rerankingModel'] } },
	},
	{
		displayName: 'Semantic Weight',
		name: 'semanticWeight',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0.7,
		description: 'How much meaning counts, from 0 to 1; keywords count the rest',
		displayOptions: { show: { retrievalSettings: ['custom'], reranking: ['weightedScore'] } },
	},
	{
		displayName: 'Metadata Filters',
		name: 'metadataFilters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		description: 'Search only the documents whose metadata matches (see Metadata → Get Many)',
		displayOptions: custom,
		options: [
			{
				displayName: 'Condition',
				name: 'conditions',
				values: [
					{
						displayName: 'Field Name',
						name: 'fieldName',
						type: 'string',
						default: '',
						placeholder: 'author',
						description: 'The metadata field to compare',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'After (Time)', value: 'after' },
							{ name: 'Before (Time)', value: 'before' },
							{ name: 'Contains', value: 'contains' },
							{ name: 'Ends With', value: 'end with' },
							{ name: 'Equals (Number)', value: '=' },
							{ name: 'Greater Than (Number)', value: '>' },
							{ name: 'Greater Than or Equal (Number)', value: '≥' },
							{ name: 'In List', value: 'in' },
							{ name: 'Is', value: 'is' },
							{ name: 'Is Empty', value: 'empty' },
							{ name: 'Is Not', value: 'is not' },
							{ name: 'Is Not Empty', value: 'not empty' },
							{ name: 'Less Than (Number)', value: '<' },
							{ name: 'Less Than or Equal (Number)', value: '≤' },
							{ name: 'Not Contains', value: 'not contains' },
							{ name: 'Not Equal (Number)', value: '≠' },
							{ name: 'Not In List', value: 'not in' },
							{ name: 'Starts With', value: 'start with' },
						],
						default: 'is',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'What to compare with: text, a number, a comma-separated list (In List), or a date (Before, After). Leave empty for Is Empty and Is Not Empty.',
					},
				],
			},
		],
	},
	{
		displayName: 'Combine Conditions',
		name: 'metadataLogic',
		type: 'options',
		options: [
			{ name: 'All Must Match (AND)', value: 'and' },
			{ name: 'Any May Match (OR)', value: 'or' },
		],
		default: 'and',
		displayOptions: custom,
	},
];

function numberOf(node: INode, i: number, field: string, value: string): number {
	const n = Number(value);
	if (value.trim() === '' || !Number.isFinite(n))
		throw invalid(node, i, field, `must be a number, got ${JSON.stringify(value)}`);
	return n;
}

/** A time value: a Unix timestamp in seconds as given, or a date Dify gets as one. */
function timeOf(node: INode, i: number, field: string, value: string): number {
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
	const ms = Date.parse(value);
	if (!Number.isFinite(ms))
		throw invalid(
			node,
			i,
			field,
			`must be a date or a Unix timestamp, got ${JSON.stringify(value)}`,
		);
	return Math.floor(ms / 1000);
}

/** The Metadata Filters of an item as Dify's `metadata_filtering_conditions`, or undefined. */
function readMetadataFilters(ctx: IExecuteFunctions, i: number): IDataObject | undefined {
	const node = ctx.getNode();
	const rows = ((ctx.getNodeParameter('metadataFilters', i, {}) as IDataObject).conditions ??
		[]) as IDataObject[];
	if (rows.length === 0) return undefined;
	const conditions = rows.map((row, n) => {
		const field = `Metadata Filters → Condition ${n + 1}`;
		const name = optionalText(row.fieldName);
		if (!name) throw invalid(node, i, `${field} → Field Name`, 'must not be empty');
		const operator = String(row.operator ?? 'is');
		if (!OPERATORS.includes(operator))
			throw invalid(node, i, `${field} → Operator`, `"${operator}" is not an operator Dify knows`);
		const raw = typeof row.value === 'number' ? String(row.value) : String(row.value ?? '');
		const condition: IDataObject = { name, comparison_operator: operator };
		if (NO_VALUE.includes(operator)) return condition;
		if (NUMERIC.includes(operator)) condition.value = numberOf(node, i, `${field} → Value`, raw);
		else if (TIME.includes(operator)) condition.value = timeOf(node, i, `${field} → Value`, raw);
		else if (LISTS.includes(operator))
			condition.value = parseList(node, i, `${field} → Value`, row.value, { min: 1 });
		else condition.value = raw;
		return condition;
	});
	const logic = String(ctx.getNodeParameter('metadataLogic', i, 'and'));
	if (logic !== 'and' && logic !== 'or')
		throw invalid(node, i, 'Combine Conditions', `must be and or or, got "${logic}"`);
	return { logical_operator: logic, conditions };
}

/**
 * The item's `retrieval_model`, or undefined for the knowledge base's own settings (Dify then
 * searches as the knowledge base is set up). Checked, no request.
 */
export function readRetrievalModel(ctx: IExecuteFunctions, i: number): IDataObject | undefined {
	const node = ctx.getNode();
	const settings = String(ctx.getNodeParameter('retrievalSettings', i, 'knowledgeBase'));
	if (settings === 'knowledgeBase') return undefined;
	if (settings !== 'custom')
		throw invalid(
			node,
			i,
			'Retrieval Settings',
			`must be knowledgeBase or custom, got "${settings}"`,
		);
	const searchMethod = String(ctx.getNodeParameter('searchMethod', i, 'semantic_search'));
	if (!SEARCH_METHODS.includes(searchMethod))
		throw invalid(node, i, 'Search Method', `must be one of ${SEARCH_METHODS.join(', ')}`);
	const topK = Number(ctx.getNodeParameter('topK', i, 3));
	if (!Number.isInteger(topK) || topK < 1)
		throw invalid(node, i, 'Top K', `must be a whole number of at least 1, got ${topK}`);
	const threshold = Number(ctx.getNodeParameter('scoreThreshold', i, 0));
	if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
		throw invalid(node, i, 'Score Threshold', `must be from 0 to 1, got ${threshold}`);
	const reranking = String(ctx.getNodeParameter('reranking', i, 'none'));
	if (!RERANKING.includes(reranking))
		throw invalid(node, i, 'Reranking', `must be one of ${RERANKING.join(', ')}`);

	const model: IDataObject = {
		search_method: searchMethod,
		reranking_enable: reranking === 'rerankingModel',
		top_k: topK,
		score_threshold_enabled: threshold > 0,
		score_threshold: threshold > 0 ? threshold : null,
	};
	if (reranking === 'rerankingModel') {
		const provider = optionalText(ctx.getNodeParameter('rerankingProviderName', i, ''));
		const name = optionalText(ctx.getNodeParameter('rerankingModelName', i, ''));
		if (!provider) throw invalid(node, i, 'Rerank Model Provider', 'must not be empty');
		if (!name) throw invalid(node, i, 'Rerank Model', 'must not be empty');
		model.reranking_mode = 'reranking_model';
		model.reranking_model = { reranking_provider_name: provider, reranking_model_name: name };
	} else if (reranking === 'weightedScore') {
		const semantic = Number(ctx.getNodeParameter('semanticWeight', i, 0.7));
		if (!Number.isFinite(semantic) || semantic < 0 || semantic > 1)
			throw invalid(node, i, 'Semantic Weight', `must be from 0 to 1, got ${semantic}`);
		const keyword = Math.round((1 - semantic) * 1000) / 1000;
		model.reranking_mode = 'weighted_score';
		model.weights = {
			weight_type: 'customized',
			vector_setting: { vector_weight: semantic },
			keyword_setting: { keyword_weight: keyword },
		};
	}
	const filters = readMetadataFilters(ctx, i);
	if (filters) model.metadata_filtering_conditions = filters;
	return model;
}

/** One retrieval record as a workflow item: the chunk's content, score and document first. */
export function recordItem(record: IDataObject, full: boolean): IDataObject {
	const segment = (record.segment ?? {}) as IDataObject;
	const document = (segment.document ?? {}) as IDataObject;
	const item: IDataObject = {
		content: segment.content,
		score: record.score,
		document_name: document.name,
		document_id: segment.document_id ?? document.id,
		segment_id: segment.id,
		position: segment.position,
	};
	if (segment.answer) item.answer = segment.answer;
	if (Array.isArray(segment.keywords) && segment.keywords.length) item.keywords = segment.keywords;
	if (Array.isArray(record.child_chunks) && record.child_chunks.length)
		item.child_chunks = record.child_chunks;
	if (Array.isArray(record.files) && record.files.length) item.files = record.files;
	if (record.summary) item.summary = record.summary;
	if (document.doc_metadata) item.document_metadata = document.doc_metadata;
	if (full) item.segment = segment;
	return item;
}

/** One retrieval record for an AI Agent: what the model needs to answer and cite. */
export function toolRecord(record: IDataObject): IDataObject {
	const segment = (record.segment ?? {}) as IDataObject;
	const document = (segment.document ?? {}) as IDataObject;
	const short: IDataObject = {
		content: segment.answer
			? `${String(segment.content)}\n${String(segment.answer)}`
			: segment.content,
		score: record.score,
		document_name: document.name,
	};
	return short;
}
