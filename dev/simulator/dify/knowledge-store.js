'use strict';
const { uuidFrom } = require('../random');
/**
 * The Dify simulator's knowledge bases (Knowledge API, `Authorization: Bearer <knowledge key>`):
 * the store the routes of ./knowledge.js and ./knowledge-documents.js share, kept in the
 * simulator's state (`state.difyKnowledge`, made on first use, reset with the rest).
 *
 * It starts with the reference's examples (knowledge base c42e2a6e-… "Product Documentation" with
 * document guide.txt, its chunk f3d1c7be-…, metadata field "author", tag "Product Docs") and a
 * help-center knowledge base (HELP_DATASET) whose documents the examples and the AI Agent search:
 * "Shipping", "Warranty" (a fact nothing else has: KETTLE_WARRANTY), and "scanned-invoice.pdf",
 * whose indexing failed.
 *
 * Indexing runs over time, as Dify's does: a new or updated document moves waiting → parsing →
 * cleaning → splitting → indexing → completed, one stage every `store.stageMs` (400 ms; tests may
 * lower it). A document whose name or text holds `sim:index-error` fails at the indexing stage;
 * `sim:index-paused` pauses at cleaning. Its chunks exist from the splitting stage on.
 */
const crypto = require('crypto');

const STAGES = ['waiting', 'parsing', 'cleaning', 'splitting', 'indexing', 'completed'];
const DOCS_DATASET = 'c42e2a6e-40b3-4330-96f8-f1e4d768e8c9';
const DOCS_DOCUMENT = 'a8e0e5b5-78c6-4130-a5ce-25feb0e0b4ac';
const DOCS_SEGMENT = 'f3d1c7be-9f3a-40d8-8eb8-3a1ef9c3f2c1';
const DOCS_METADATA = 'b5c6d7e8-f9a0-1b2c-3d4e-5f6a7b8c9d0e';
const DOCS_TAG = 'f4b5c6d7-e8f9-0a1b-2c3d-4e5f6a7b8c9d';
const HELP_DATASET = '3b7d9f21-6c4e-4a8b-9d2f-5e1a7c3b9d40';
const USER = 'ad313dd6-ef04-4dd1-a5b0-c0f0b9e2e7e4';
const KETTLE_WARRANTY =
	'The X200 kettle carries a 7-year warranty; claims go through form KX-7781 with the serial number from the base.';
const BUILT_IN_FIELDS = [
	{ name: 'document_name', type: 'string' },
	{ name: 'uploader', type: 'string' },
	{ name: 'upload_date', type: 'time' },
	{ name: 'last_update_date', type: 'time' },
	{ name: 'source', type: 'string' },
];
const MODELS = {
	'text-embedding': [
		{
			provider: 'langgenius/openai/openai',
			label: { en_US: 'OpenAI', zh_Hans: 'OpenAI' },
			models: ['text-embedding-3-small', 'text-embedding-3-large'],
			context_size: 8191,
		},
	],
	rerank: [
		{
			provider: 'langgenius/cohere/cohere',
			label: { en_US: 'Cohere', zh_Hans: 'Cohere' },
			models: ['rerank-english-v3.0'],
			context_size: 4096,
		},
	],
};

const now = () => Math.floor(Date.now() / 1000);

/** A documented error answer: `{ code, message, status }`. */
function fail(status, code, message) {
	return { status, body: { code, message, status } };
}

/** The knowledge base of a route's `dataset_id`, or the documented error to answer. */
function datasetOf(state, id) {
	const dataset = storeOf(state).datasets.get(id);
	if (!dataset) return { error: fail(404, 'not_found', 'Dataset not found.') };
	if (!dataset.enable_api)
		return { error: fail(403, 'forbidden', 'Dataset api access is not enabled.') };
	return { dataset };
}

/** Whether the workspace has this model (MODELS), for a knowledge base or a rerank. */
function modelKnown(type, provider, name) {
	return (MODELS[type] ?? []).some((p) => p.provider === provider && p.models.includes(name));
}

function createStore() {
	const store = {
		datasets: new Map(),
		tags: new Map(),
		files: new Map(),
		stageMs: 400,
		sequence: 0,
		batches: 0,
	};
	const docs = addDataset(store, {
		id: DOCS_DATASET,
		name: 'Product Documentation',
		description: 'Technical documentation for the product API',
		indexing_technique: 'high_quality',
		created_at: 1741267200,
	});
	docs.metadata.push({ id: DOCS_METADATA, name: 'author', type: 'string' });
	store.tags.set(DOCS_TAG, { id: DOCS_TAG, name: 'Product Docs', type: 'knowledge' });
	addDocument(store, docs, {
		id: DOCS_DOCUMENT,
		name: 'guide.txt',
		text: 'Dify is an open-source LLM app development platform.',
		segmentIds: [DOCS_SEGMENT],
		keywords: [['dify', 'platform', 'llm']],
		indexed: true,
		created_at: 1741267200,
		doc_metadata: { author: 'Dify Team' },
	});
	const help = addDataset(store, {
		id: HELP_DATASET,
		name: 'Acme Help Center',
		description: 'Customer help articles',
		indexing_technique: 'high_quality',
		created_at: 1741267300,
	});
	help.metadata.push({ id: uuidFrom('b5c6d7e8', 2), name: 'team', type: 'string' });
	addDocument(store, help, {
		id: uuidFrom('d0c00001', 1),
		name: 'Shipping',
		text: 'Orders ship within 2 business days from our Leeds warehouse.\n\nExpress delivery arrives the next business day when ordered before 2 pm.',
		indexed: true,
		created_at: 1741267300,
		doc_metadata: { team: 'logistics' },
	});
	addDocument(store, help, {
		id: uuidFrom('d0c00001', 2),
		name: 'Warranty',
		text: `${KETTLE_WARRANTY}\n\nToasters and blenders carry a 2-year warranty.`,
		indexed: true,
		created_at: 1741267301,
		doc_metadata: { team: 'support' },
	});
	addDocument(store, help, {
		id: uuidFrom('d0c00001', 3),
		name: 'scanned-invoice.pdf',
		file: {
			name: 'scanned-invoice.pdf',
			mime_type: 'application/pdf',
			data: Buffer.from('%PDF-1.4 scan'),
		},
		indexed: true,
		failed: 'The file has no text layer: OCR is off for this workspace.',
		created_at: 1741267302,
	});
	return store;
}

/** The knowledge store of a simulator state (made on first use). */
function storeOf(state) {
	if (!state.difyKnowledge) state.difyKnowledge = createStore();
	return state.difyKnowledge;
}

function nextId(store) {
	store.sequence += 1;
	return uuidFrom('4e0d5a11', store.sequence + 0x1000);
}

function addDataset(store, fields) {
	const dataset = {
		id: fields.id ?? nextId(store),
		name: fields.name,
		description: fields.description ?? '',
		provider: fields.provider ?? 'vendor',
		permission: fields.permission ?? 'only_me',
		indexing_technique: fields.indexing_technique ?? null,
		embedding_model: fields.embedding_model ?? 'text-embedding-3-small',
		embedding_model_provider: fields.embedding_model_provider ?? 'langgenius/openai/openai',
		retrieval_model: fields.retrieval_model ?? null,
		created_at: fields.created_at ?? now(),
		updated_at: fields.created_at ?? now(),
		enable_api: true,
		built_in_field_enabled: true,
		documents: new Map(),
		metadata: [],
		tagIds: new Set(),
		partial_member_list: [],
		extra: {},
	};
	store.datasets.set(dataset.id, dataset);
	return dataset;
}

/** A new batch ID in Dify's form (a timestamp and a counter). */
function nextBatch(store) {
	store.batches += 1;
	const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
	return `${stamp}${String(store.batches).padStart(6, '0')}`;
}

/** Split a text into chunk texts: by the separator (`\n` written as two characters too), then by length. */
function chunkTexts(text, processRule) {
	const segmentation = processRule?.rules?.segmentation ?? {};
	const separator = String(segmentation.separator ?? '\n\n').replace(/\\n/g, '\n') || '\n\n';
	const maxChars = Math.max(40, (Number(segmentation.max_tokens) || 500) * 4);
	const out = [];
	for (const piece of String(text).split(separator)) {
		const trimmed = piece.trim();
		for (let i = 0; i < trimmed.length; i += maxChars) out.push(trimmed.slice(i, i + maxChars));
	}
	return out.filter((t) => t.length > 0);
}

const TEXT_EXTENSIONS = [
	'txt',
	'md',
	'markdown',
	'mdx',
	'csv',
	'html',
	'htm',
	'xml',
	'vtt',
	'properties',
];

/** The text Dify would read from a file: text files as UTF-8, anything else a placeholder. */
function fileText(file) {
	const extension = (/\.([^.]+)$/.exec(file.name)?.[1] ?? '').toLowerCase();
	if (TEXT_EXTENSIONS.includes(extension) || String(file.mime_type).startsWith('text/'))
		return file.data.toString('utf8');
	return `[${file.name}: ${file.data.length} bytes]`;
}

function words(text) {
	return String(text).split(/\s+/).filter(Boolean).length;
}

/** Build a document's chunks from its text (parents with children for Parent-Child documents). */
function buildSegments(store, document, opts = {}) {
	const text = document.file ? fileText(document.file) : document.text;
	const texts = chunkTexts(text, document.process_rule);
	document.segments = texts.map((content, index) => {
		const segment = newSegment(store, document, {
			id: opts.segmentIds?.[index],
			content,
			keywords: opts.keywords?.[index],
			position: index + 1,
		});
		if (document.doc_form === 'hierarchical_model') {
			segment.child_chunks = content
				.split(/(?<=[.!?])\s+/)
				.filter(Boolean)
				.map((sentence, n) => newChild(store, segment, sentence, n + 1, 'automatic'));
		}
		return segment;
	});
}

function newSegment(store, document, fields) {
	const at = now();
	return {
		id: fields.id ?? nextId(store),
		position: fields.position,
		document_id: document.id,
		content: fields.content,
		sign_content: '',
		answer: fields.answer ?? '',
		word_count: words(fields.content),
		tokens: Math.ceil(fields.content.length / 4),
		keywords:
			fields.keywords ??
			[
				...new Set(
					String(fields.content)
						.toLowerCase()
						.match(/[a-z]{5,}/g) ?? [],
				),
			].slice(0, 3),
		index_node_id: crypto.randomUUID(),
		index_node_hash: crypto.createHash('sha256').update(fields.content).digest('hex').slice(0, 12),
		hit_count: 0,
		enabled: true,
		disabled_at: null,
		disabled_by: null,
		status: 'completed',
		created_by: USER,
		created_at: at,
		updated_at: at,
		updated_by: USER,
		indexing_at: at,
		completed_at: at,
		error: null,
		stopped_at: null,
		child_chunks: [],
		attachments: [],
		summary: null,
	};
}

function newChild(store, segment, content, position, type = 'customized') {
	const at = now();
	return {
		id: nextId(store),
		segment_id: segment.id,
		content,
		position,
		word_count: words(content),
		type,
		created_at: at,
		updated_at: at,
	};
}

/**
 * Add a document. `indexed: true` starts it completed (seeds); `failed` makes a seed's indexing
 * end in that error. Otherwise its indexing starts now, and `sim:index-error` / `sim:index-paused`
 * in its name or text pick how it ends.
 */
function addDocument(store, dataset, fields) {
	const document = {
		id: fields.id ?? nextId(store),
		position: dataset.documents.size + 1,
		name: fields.name ?? fields.file?.name,
		text: fields.text,
		file: fields.file,
		doc_form: fields.doc_form ?? 'text_model',
		doc_language: fields.doc_language ?? 'English',
		process_rule: fields.process_rule ?? { mode: 'automatic' },
		created_at: fields.created_at ?? now(),
		updated_at: fields.created_at ?? now(),
		enabled: true,
		archived: false,
		doc_metadata: fields.doc_metadata ?? {},
		segments: [],
		hit_count: 0,
	};
	dataset.documents.set(document.id, document);
	startIndexing(store, document, fields);
	if (!fields.failed) buildSegments(store, document, fields);
	return document;
}

/** (Re)start a document's indexing: a new batch, and where it will end. */
function startIndexing(store, document, fields = {}) {
	document.batch = nextBatch(store);
	document.indexStartedAt = fields.indexed ? 0 : Date.now();
	const marker = `${document.name ?? ''} ${document.text ?? ''} ${document.file ? fileText(document.file) : ''}`;
	document.failAt = fields.failed ? 0 : /sim:index-error/.test(marker) ? 4 : undefined;
	document.pauseAt = /sim:index-paused/.test(marker) ? 2 : undefined;
	document.failure =
		fields.failed ?? 'Simulated indexing failure: the embedding model refused the text.';
}

/** Where a document's indexing stands now: the stage's name and index. */
function stageOf(store, document) {
	const step =
		document.indexStartedAt === 0
			? STAGES.length - 1
			: Math.floor((Date.now() - document.indexStartedAt) / store.stageMs);
	if (document.failAt !== undefined && step >= document.failAt) return { status: 'error', step };
	if (document.pauseAt !== undefined && step >= document.pauseAt) return { status: 'paused', step };
	const index = Math.min(step, STAGES.length - 1);
	return { status: STAGES[index], step: index };
}

/** Whether the document is indexed, enabled and not archived (searchable). */
function isAvailable(store, document) {
	return stageOf(store, document).status === 'completed' && document.enabled && !document.archived;
}

function displayStatus(store, document) {
	const { status } = stageOf(store, document);
	if (status === 'waiting') return 'queuing';
	if (status === 'error' || status === 'paused') return status;
	if (status !== 'completed') return 'indexing';
	if (document.archived) return 'archived';
	return document.enabled ? 'available' : 'disabled';
}

/** The chunks a document shows now: none before splitting, indexing until completed. */
function visibleSegments(store, document) {
	const { status, step } = stageOf(store, document);
	if (status === 'error' && document.failAt === 0) return [];
	if (step < 3 && status !== 'completed') return [];
	const state = status === 'completed' ? 'completed' : status === 'error' ? 'error' : 'indexing';
	return document.segments.map((segment) => ({
		...segment,
		status: segment.status === 'completed' ? state : segment.status,
	}));
}

function metadataList(dataset, document) {
	return dataset.metadata
		.filter((field) => Object.hasOwn(document.doc_metadata, field.name))
		.map((field) => ({ ...field, value: document.doc_metadata[field.name] }));
}

function dataSource(document) {
	if (!document.file)
		return {
			type: 'upload_file',
			info: { upload_file_id: document.uploadId ?? (document.uploadId = crypto.randomUUID()) },
		};
	return {
		type: 'upload_file',
		info: { upload_file_id: document.file.id ?? (document.file.id = crypto.randomUUID()) },
	};
}

/** A document as Dify's list and create answers show it. */
function serializeDocument(store, dataset, document) {
	const { status } = stageOf(store, document);
	const source = dataSource(document);
	const file = document.file;
	const segments = visibleSegments(store, document);
	return {
		id: document.id,
		position: document.position,
		data_source_type: source.type,
		data_source_info: source.info,
		data_source_detail_dict: {
			upload_file: {
				id: source.info.upload_file_id,
				name: file ? file.name : `${document.name}.txt`,
				size: file ? file.data.length : Buffer.byteLength(document.text ?? ''),
				extension: file ? (/\.([^.]+)$/.exec(file.name)?.[1] ?? '') : 'txt',
				mime_type: file ? file.mime_type : 'text/plain',
				created_by: USER,
				created_at: document.created_at,
			},
		},
		dataset_process_rule_id: uuidFrom('e1f2a3b4', dataset.documents.size),
		name: document.name,
		created_from: 'api',
		created_by: USER,
		created_at: document.created_at,
		tokens: segments.reduce((sum, s) => sum + s.tokens, 0),
		indexing_status: status,
		error: status === 'error' ? document.failure : null,
		enabled: document.enabled,
		disabled_at: document.enabled ? null : document.updated_at,
		disabled_by: document.enabled ? null : USER,
		archived: document.archived,
		display_status: displayStatus(store, document),
		word_count: segments.reduce((sum, s) => sum + s.word_count, 0),
		hit_count: document.hit_count,
		doc_form: document.doc_form,
		doc_metadata: metadataList(dataset, document),
		summary_index_status: null,
		need_summary: false,
	};
}

/** A knowledge base as Dify answers it. */
function serializeDataset(store, dataset) {
	const documents = [...dataset.documents.values()];
	const available = documents.filter((d) => isAvailable(store, d));
	const model = dataset.retrieval_model ?? {
		search_method: 'semantic_search',
		reranking_enable: false,
		reranking_mode: null,
		reranking_model: { reranking_provider_name: '', reranking_model_name: '' },
		weights: null,
		top_k: 3,
		score_threshold_enabled: false,
		score_threshold: null,
	};
	return {
		id: dataset.id,
		name: dataset.name,
		description: dataset.description,
		provider: dataset.provider,
		permission: dataset.permission,
		data_source_type: documents.length ? 'upload_file' : null,
		indexing_technique: dataset.indexing_technique,
		app_count: 0,
		document_count: documents.length,
		word_count: documents.reduce(
			(sum, d) => sum + d.segments.reduce((s, x) => s + x.word_count, 0),
			0,
		),
		created_by: USER,
		author_name: 'admin',
		created_at: dataset.created_at,
		updated_by: USER,
		updated_at: dataset.updated_at,
		embedding_model: dataset.embedding_model,
		embedding_model_provider: dataset.embedding_model_provider,
		embedding_available: true,
		retrieval_model_dict: model,
		tags: [...dataset.tagIds].filter((id) => store.tags.has(id)).map((id) => store.tags.get(id)),
		doc_form: documents[0]?.doc_form ?? 'text_model',
		external_knowledge_info: null,
		external_retrieval_model: null,
		doc_metadata: dataset.metadata.map(({ id, name, type }) => ({ id, name, type })),
		built_in_field_enabled: dataset.built_in_field_enabled,
		pipeline_id: null,
		runtime_mode: null,
		chunk_structure: null,
		icon_info: null,
		summary_index_setting: null,
		is_published: false,
		total_documents: documents.length,
		total_available_documents: available.length,
		enable_api: dataset.enable_api,
		is_multimodal: false,
		maintainer: 'admin',
		...dataset.extra,
	};
}

/** One page of records, by page number and limit (the server caps a page at 100). */
function page(records, query) {
	const limit = Math.min(100, Number(query.limit ?? 20));
	const number = Number(query.page ?? 1);
	const slice = records.slice((number - 1) * limit, number * limit);
	return {
		data: slice,
		has_more: number * limit < records.length,
		limit,
		total: records.length,
		page: number,
	};
}

/** Seed `count` completed text documents into a knowledge base (tests); returns their IDs in list order. */
function seedDocuments(state, datasetId, count, fields = {}) {
	const store = storeOf(state);
	const dataset = store.datasets.get(datasetId);
	const ids = [];
	for (let n = 0; n < count; n++) {
		const document = addDocument(store, dataset, {
			name: `${fields.prefix ?? 'Seeded'} ${n + 1}`,
			text: fields.text ?? `Seeded document number ${n + 1}.`,
			indexed: true,
			doc_form: fields.doc_form,
		});
		ids.push(document.id);
	}
	return ids;
}

/** Seed `count` empty knowledge bases (tests); returns their IDs. */
function seedDatasets(state, count, prefix = 'Seeded base') {
	const store = storeOf(state);
	return Array.from(
		{ length: count },
		(_, n) => addDataset(store, { name: `${prefix} ${n + 1}` }).id,
	);
}

module.exports = {
	STAGES,
	DOCS_DATASET,
	DOCS_DOCUMENT,
	DOCS_SEGMENT,
	DOCS_METADATA,
	DOCS_TAG,
	HELP_DATASET,
	KETTLE_WARRANTY,
	BUILT_IN_FIELDS,
	MODELS,
	USER,
	now,
	fail,
	datasetOf,
	modelKnown,
	storeOf,
	nextId,
	addDataset,
	addDocument,
	startIndexing,
	buildSegments,
	newSegment,
	newChild,
	stageOf,
	isAvailable,
	visibleSegments,
	metadataList,
	serializeDocument,
	serializeDataset,
	fileText,
	page,
	seedDocuments,
	seedDatasets,
};
