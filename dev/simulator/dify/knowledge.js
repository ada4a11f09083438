'use strict';
/**
 * The Dify simulator's Knowledge API, part one: knowledge bases (create, list with page paging,
 * get, update, delete) and retrieval; tags, metadata fields and models are in
 * ./knowledge-fields.js, documents, chunks and child chunks in ./knowledge-documents.js, the
 * store in ./knowledge-store.js. Every route is marked
 * `knowledge: true`: providers/dify.js accepts only the Knowledge API key there.
 *
 * Errors as the reference documents them: 404 `not_found` "Dataset not found.", 409
 * `dataset_name_duplicate`, 403 `forbidden` "Dataset api access is not enabled." (for a knowledge
 * base whose `enable_api` a test turned off), 400 `dataset_not_initialized` when retrieving from
 * a knowledge base with no indexed document.
 *
 * Retrieval scores a chunk by the share of the query's words (3+ letters) it contains, rounded
 * to 4 decimals; it honours top_k, the score threshold, reranking models of MODELS, and metadata
 * filtering conditions.
 */
const schemas = require('../schemas/dify-knowledge.json');
const store = require('./knowledge-store');
const documentRoutes = require('./knowledge-documents');
const fieldRoutes = require('./knowledge-fields');

const { storeOf, serializeDataset, page, fail, datasetOf, modelKnown } = store;

const STOPWORDS = new Set([
	'the',
	'and',
	'for',
	'are',
	'how',
	'what',
	'does',
	'with',
	'you',
	'your',
	'can',
	'this',
	'that',
	'from',
	'our',
	'long',
	'much',
	'which',
	'when',
	'there',
	'have',
]);

function terms(text) {
	return [
		...new Set(
			String(text)
				.toLowerCase()
				.match(/[a-z0-9]{3,}/g) ?? [],
		),
	].filter((w) => !STOPWORDS.has(w));
}

function compare(value, condition) {
	const op = condition.comparison_operator;
	const target = condition.value;
	const text = value === undefined || value === null ? '' : String(value);
	switch (op) {
		case 'empty':
			return text === '';
		case 'not empty':
			return text !== '';
		case 'contains':
			return text.includes(String(target));
		case 'not contains':
			return !text.includes(String(target));
		case 'start with':
			return text.startsWith(String(target));
		case 'end with':
			return text.endsWith(String(target));
		case 'is':
			return text === String(target);
		case 'is not':
			return text !== String(target);
		case 'in':
			return Array.isArray(target) && target.includes(text);
		case 'not in':
			return Array.isArray(target) && !target.includes(text);
		case '=':
			return Number(value) === Number(target);
		case '≠':
			return Number(value) !== Number(target);
		case '>':
			return Number(value) > Number(target);
		case '<':
			return Number(value) < Number(target);
		case '≥':
			return Number(value) >= Number(target);
		case '≤':
			return Number(value) <= Number(target);
		case 'before':
			return Number(value) < Number(target);
		case 'after':
			return Number(value) > Number(target);
		default:
			return false;
	}
}

function matchesFilters(document, filtering) {
	const conditions = filtering?.conditions ?? [];
	if (conditions.length === 0) return true;
	const results = conditions.map((c) => compare(document.doc_metadata[c.name], c));
	return filtering.logical_operator === 'or' ? results.some(Boolean) : results.every(Boolean);
}

function retrieve({ params, body, state, record }) {
	const knowledge = storeOf(state);
	const { dataset, error } = datasetOf(state, params.dataset_id);
	if (error) return error;
	const model = body.retrieval_model ?? serializeDataset(knowledge, dataset).retrieval_model_dict;
	if (model.reranking_enable) {
		const rerank = model.reranking_model ?? {};
		if (model.reranking_mode !== 'reranking_model' && model.reranking_mode !== 'weighted_score')
			return fail(
				400,
				'invalid_param',
				'reranking_mode is required when reranking_enable is true.',
			);
		if (
			model.reranking_mode === 'reranking_model' &&
			!modelKnown('rerank', rerank.reranking_provider_name, rerank.reranking_model_name)
		)
			return fail(400, 'invalid_param', `Model ${rerank.reranking_model_name} is not available.`);
	}
	const documents = [...dataset.documents.values()].filter((d) => store.isAvailable(knowledge, d));
	if (documents.length === 0)
		return fail(
			400,
			'dataset_not_initialized',
			'The dataset is still being initialized or indexing. Please wait a moment.',
		);
	const wanted = terms(body.query);
	const records = [];
	for (const document of documents) {
		if (!matchesFilters(document, model.metadata_filtering_conditions)) continue;
		for (const segment of document.segments) {
			if (!segment.enabled) continue;
			const have = new Set(
				terms(`${segment.content} ${segment.answer} ${(segment.keywords ?? []).join(' ')}`),
			);
			const hits = wanted.filter((w) => have.has(w)).length;
			if (hits === 0 || wanted.length === 0) continue;
			const score = Math.round((hits / wanted.length) * 10000) / 10000;
			if (model.score_threshold_enabled && score < Number(model.score_threshold ?? 0)) continue;
			records.push({ document, segment, score });
		}
	}
	records.sort((a, b) => b.score - a.score || a.segment.position - b.segment.position);
	const top = records.slice(0, Number(model.top_k ?? 3));
	record.retrieved = top.map((r) => r.segment.id);
	return {
		status: 200,
		body: {
			query: { content: body.query },
			records: top.map(({ document, segment, score }) => {
				segment.hit_count += 1;
				const { child_chunks, attachments, summary, updated_at, updated_by, ...rest } = segment;
				return {
					segment: {
						...rest,
						document: {
							id: document.id,
							data_source_type: 'upload_file',
							name: document.name,
							doc_type: null,
							doc_metadata: Object.keys(document.doc_metadata).length
								? document.doc_metadata
								: null,
						},
					},
					child_chunks: (child_chunks ?? [])
						.filter((c) => terms(c.content).some((w) => wanted.includes(w)))
						.map((c) => ({ id: c.id, content: c.content, position: c.position, score })),
					score,
					tsne_position: null,
					files: [],
					summary: null,
				};
			}),
		},
	};
}

const datasetRoutes = [
	{
		method: 'POST',
		path: '/datasets',
		contentType: 'application/json',
		body: schemas.createDataset,
		handle({ body, state }) {
			const knowledge = storeOf(state);
			if ([...knowledge.datasets.values()].some((d) => d.name === body.name))
				return fail(
					409,
					'dataset_name_duplicate',
					'The dataset name already exists. Please modify your dataset name.',
				);
			if (
				body.embedding_model &&
				!modelKnown('text-embedding', body.embedding_model_provider, body.embedding_model)
			)
				return fail(
					400,
					'invalid_param',
					'No Embedding Model available. Please configure a valid provider in the Settings -> Model Provider.',
				);
			const {
				retrieval_model,
				external_knowledge_api_id,
				external_knowledge_id,
				summary_index_setting,
				...fields
			} = body;
			const dataset = store.addDataset(knowledge, { ...fields, retrieval_model });
			if (summary_index_setting) dataset.extra.summary_index_setting = summary_index_setting;
			return { status: 200, body: serializeDataset(knowledge, dataset) };
		},
	},
	{
		method: 'GET',
		path: '/datasets',
		query: schemas.listDatasetsQuery,
		handle({ query, state }) {
			const knowledge = storeOf(state);
			const tagIds = query.tag_ids ?? [];
			const list = [...knowledge.datasets.values()]
				.filter((d) => !query.keyword || d.name.includes(query.keyword))
				.filter((d) => tagIds.every((id) => d.tagIds.has(id)))
				.map((d) => serializeDataset(knowledge, d));
			return { status: 200, body: page(list, query) };
		},
	},
	{
		method: 'GET',
		path: '/datasets/:dataset_id',
		params: schemas.datasetParams,
		handle({ params, state }) {
			const { dataset, error } = datasetOf(state, params.dataset_id);
			return error ?? { status: 200, body: serializeDataset(storeOf(state), dataset) };
		},
	},
	{
		method: 'PATCH',
		path: '/datasets/:dataset_id',
		params: schemas.datasetParams,
		contentType: 'application/json',
		body: schemas.updateDataset,
		handle({ params, body, state }) {
			const knowledge = storeOf(state);
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			if (
				body.name &&
				[...knowledge.datasets.values()].some((d) => d.name === body.name && d.id !== dataset.id)
			)
				return fail(
					409,
					'dataset_name_duplicate',
					'The dataset name already exists. Please modify your dataset name.',
				);
			if (
				body.embedding_model &&
				!modelKnown(
					'text-embedding',
					body.embedding_model_provider ?? dataset.embedding_model_provider,
					body.embedding_model,
				)
			)
				return fail(
					400,
					'invalid_param',
					'No Embedding Model available. Please configure a valid provider in the Settings -> Model Provider.',
				);
			for (const key of [
				'name',
				'description',
				'indexing_technique',
				'permission',
				'embedding_model',
				'embedding_model_provider',
				'retrieval_model',
				'partial_member_list',
			])
				if (body[key] !== undefined) dataset[key] = body[key];
			dataset.updated_at = store.now();
			return {
				status: 200,
				body: {
					...serializeDataset(knowledge, dataset),
					partial_member_list: dataset.partial_member_list.map((m) => m.user_id),
				},
			};
		},
	},
	{
		method: 'DELETE',
		path: '/datasets/:dataset_id',
		params: schemas.datasetParams,
		handle({ params, state }) {
			const { error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			storeOf(state).datasets.delete(params.dataset_id);
			return { status: 204 };
		},
	},
	{
		method: 'POST',
		path: '/datasets/:dataset_id/retrieve',
		params: schemas.datasetParams,
		contentType: 'application/json',
		body: schemas.retrieve,
		handle: retrieve,
	},
];

const routes = [...fieldRoutes.routes, ...documentRoutes.routes, ...datasetRoutes].map((route) => ({
	...route,
	knowledge: !route.public,
}));

module.exports = {
	routes,
	KNOWLEDGE_TOKEN: 'dataset-SIMULATORKNOWLEDGEKEY01',
	storeOf,
	seedDocuments: store.seedDocuments,
	seedDatasets: store.seedDatasets,
	DOCS_DATASET: store.DOCS_DATASET,
	DOCS_DOCUMENT: store.DOCS_DOCUMENT,
	DOCS_SEGMENT: store.DOCS_SEGMENT,
	DOCS_METADATA: store.DOCS_METADATA,
	DOCS_TAG: store.DOCS_TAG,
	HELP_DATASET: store.HELP_DATASET,
	KETTLE_WARRANTY: store.KETTLE_WARRANTY,
};
