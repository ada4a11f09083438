'use strict';
/**
 * The Dify simulator's Knowledge API, part two: documents (create and update from text or from a
 * multipart file with the JSON `data` part, list with page paging, get, delete, download through
 * a signed URL, status in batch, indexing status), chunks and child chunks. Indexing moves on
 * over time (./knowledge-store.js): chunks can be added only to a completed, enabled document,
 * and only an available document can be updated, as the reference says.
 *
 * The signed download URL points at this simulator's public route /knowledge-files/:token
 * (no key; the token is the signature), valid for 5 minutes.
 */
const crypto = require('crypto');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const schemas = require('../schemas/dify-knowledge.json');
const store = require('./knowledge-store');

const { storeOf, serializeDocument, stageOf, page, fail, datasetOf } = store;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSettings = ajv.compile(schemas.documentSettings);
const validateUpdateSettings = ajv.compile(schemas.documentUpdateSettings);

const FILE_EXTENSIONS = [
	'txt',
	'md',
	'markdown',
	'mdx',
	'pdf',
	'html',
	'htm',
	'xlsx',
	'xls',
	'docx',
	'csv',
	'eml',
	'msg',
	'pptx',
	'xml',
	'epub',
	'vtt',
	'properties',
];
const MAX_FILE_BYTES = 15 * 1024 * 1024;
const DOWNLOAD_TTL_MS = 5 * 60 * 1000;

function documentOf(state, params, message = 'Document not found.') {
	const { dataset, error } = datasetOf(state, params.dataset_id);
	if (error) return { error };
	const document = dataset.documents.get(params.document_id);
	if (!document) return { error: fail(404, 'not_found', message) };
	return { dataset, document };
}

function segmentOf(state, params) {
	const { dataset, document, error } = documentOf(state, params);
	if (error) return { error };
	const segment = document.segments.find((s) => s.id === params.segment_id);
	if (!segment) return { error: fail(404, 'not_found', 'Segment not found.') };
	return { dataset, document, segment };
}

/** The documented 400 when the knowledge base's first document names no indexing technique. */
function techniqueProblem(dataset, settings) {
	if (dataset.indexing_technique || settings.indexing_technique) return undefined;
	return fail(400, 'invalid_param', 'indexing_technique is required.');
}

/** A name containing `sim:quota` gets the documented plan-limit 403. */
function quotaProblem(name) {
	return /sim:quota/.test(String(name ?? ''))
		? fail(403, 'forbidden', 'The number of documents has reached the limit of your subscription.')
		: undefined;
}

/** The multipart body of a file create or update: its file and its `data` settings, checked. */
function readFilePart(body, headers, validate) {
	if (
		!String(headers['content-type'] || '').includes('multipart/form-data') ||
		!body ||
		typeof body !== 'object'
	)
		return { error: fail(400, 'no_file_uploaded', 'Please upload your file.') };
	const extra = Object.keys(body).filter((k) => k !== 'file' && k !== 'data');
	if (extra.some((k) => body[k] && typeof body[k] === 'object' && Buffer.isBuffer(body[k].data)))
		return { error: fail(400, 'too_many_files', 'Only one file is allowed.') };
	if (extra.length)
		return { error: fail(400, 'invalid_param', `Unknown form field: ${extra.join(', ')}`) };
	const file = body.file;
	if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.data))
		return { error: fail(400, 'no_file_uploaded', 'Please upload your file.') };
	if (!file.filename)
		return {
			error: fail(400, 'filename_not_exists_error', 'The specified filename does not exist.'),
		};
	const extension = (/\.([^.]+)$/.exec(file.filename)?.[1] ?? '').toLowerCase();
	if (!FILE_EXTENSIONS.includes(extension))
		return { error: fail(415, 'unsupported_file_type', 'File type not allowed.') };
	if (file.data.length > MAX_FILE_BYTES)
		return { error: fail(413, 'file_too_large', 'File size exceeded.') };
	let settings = {};
	if (body.data !== undefined) {
		try {
			settings = JSON.parse(body.data);
		} catch (error) {
			return { error: fail(400, 'invalid_param', `data is not valid JSON: ${error.message}`) };
		}
		if (!validate(settings)) {
			const problems = validate.errors.map((e) => `data${e.instancePath} ${e.message}`).join('; ');
			return { error: fail(400, 'invalid_param', problems), rejected: problems };
		}
	}
	return {
		file: { name: file.filename, mime_type: file.contentType, data: file.data },
		settings,
	};
}

function answer(state, dataset, document) {
	return {
		status: 200,
		body: { document: serializeDocument(storeOf(state), dataset, document), batch: document.batch },
	};
}

/** Apply an update's settings and content, then index the document again. */
function reindex(state, dataset, document, changes) {
	const knowledge = storeOf(state);
	if (
		store.stageOf(knowledge, document).status !== 'completed' ||
		!document.enabled ||
		document.archived
	)
		return fail(400, 'invalid_param', 'Document is not available');
	if (changes.name !== undefined) document.name = changes.name;
	if (changes.text !== undefined) {
		document.text = changes.text;
		document.file = undefined;
	}
	if (changes.file) {
		document.file = changes.file;
		document.name = changes.file.name;
		document.text = undefined;
	}
	if (changes.process_rule) document.process_rule = changes.process_rule;
	if (changes.doc_form) document.doc_form = changes.doc_form;
	if (changes.doc_language) document.doc_language = changes.doc_language;
	document.updated_at = store.now();
	store.startIndexing(knowledge, document);
	store.buildSegments(knowledge, document);
	return answer(state, dataset, document);
}

const documentRoutes = [
	{
		method: 'POST',
		path: '/datasets/:dataset_id/document/create-by-text',
		params: schemas.datasetParams,
		contentType: 'application/json',
		body: schemas.createByText,
		handle({ params, body, state }) {
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			const problem = quotaProblem(body.name) ?? techniqueProblem(dataset, body);
			if (problem) return problem;
			if (!dataset.indexing_technique) dataset.indexing_technique = body.indexing_technique;
			const document = store.addDocument(storeOf(state), dataset, body);
			return answer(state, dataset, document);
		},
	},
	{
		method: 'POST',
		path: '/datasets/:dataset_id/document/create-by-file',
		params: schemas.datasetParams,
		handle({ params, body, headers, state, record }) {
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			if (dataset.provider === 'external')
				return fail(400, 'invalid_param', 'External datasets are not supported.');
			const part = readFilePart(body, headers, validateSettings);
			if (part.rejected) record.rejected = part.rejected;
			if (part.error) return part.error;
			record.settings = part.settings;
			const problem = quotaProblem(part.file.name) ?? techniqueProblem(dataset, part.settings);
			if (problem) return problem;
			if (!part.settings.process_rule)
				return fail(400, 'invalid_param', 'process_rule is required.');
			if (!dataset.indexing_technique)
				dataset.indexing_technique = part.settings.indexing_technique;
			const document = store.addDocument(storeOf(state), dataset, {
				...part.settings,
				file: part.file,
			});
			return answer(state, dataset, document);
		},
	},
	{
		method: 'GET',
		path: '/datasets/:dataset_id/documents',
		params: schemas.datasetParams,
		query: schemas.listDocumentsQuery,
		handle({ params, query, state }) {
			const knowledge = storeOf(state);
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			const list = [...dataset.documents.values()]
				.map((d) => serializeDocument(knowledge, dataset, d))
				.filter((d) => !query.keyword || d.name.includes(query.keyword))
				.filter((d) => !query.status || d.display_status === query.status);
			return { status: 200, body: page(list, query) };
		},
	},
	{
		method: 'GET',
		path: '/datasets/:dataset_id/documents/:batch/indexing-status',
		params: schemas.batchParams,
		handle({ params, state }) {
			const knowledge = storeOf(state);
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			const documents = [...dataset.documents.values()].filter((d) => d.batch === params.batch);
			if (documents.length === 0) return fail(404, 'not_found', 'Documents not found.');
			const data = documents.map((document) => {
				const { status, step } = stageOf(knowledge, document);
				const at = (n) =>
					document.indexStartedAt === 0
						? document.created_at
						: Math.floor((document.indexStartedAt + n * knowledge.stageMs) / 1000);
				const total = document.segments.length;
				return {
					id: document.id,
					indexing_status: status,
					processing_started_at: step >= 1 ? at(1) : null,
					parsing_completed_at: step >= 2 ? at(2) : null,
					cleaning_completed_at: step >= 3 ? at(3) : null,
					splitting_completed_at: step >= 4 ? at(4) : null,
					completed_at: status === 'completed' ? at(5) : null,
					paused_at: status === 'paused' ? at(step) : null,
					error: status === 'error' ? document.failure : null,
					stopped_at: status === 'error' ? at(step) : null,
					completed_segments:
						status === 'completed' ? total : step >= 4 ? Math.floor(total / 2) : 0,
					total_segments: step >= 3 ? total : 0,
				};
			});
			return { status: 200, body: { data } };
		},
	},
	{
		method: 'GET',
		path: '/datasets/:dataset_id/documents/:document_id',
		params: schemas.documentParams,
		query: schemas.getDocumentQuery,
		handle({ params, query, state }) {
			const knowledge = storeOf(state);
			const { dataset, document, error } = documentOf(state, params);
			if (error) return error;
			const metadata = query.metadata ?? 'all';
			if (!['all', 'only', 'without'].includes(metadata))
				return fail(400, 'invalid_metadata', `Invalid metadata value: ${metadata}`);
			const base = serializeDocument(knowledge, dataset, document);
			const { data_source_detail_dict, ...detail } = base;
			Object.assign(detail, {
				data_source_info: { upload_file: data_source_detail_dict.upload_file },
				dataset_process_rule: {
					id: base.dataset_process_rule_id,
					mode: document.process_rule.mode,
				},
				document_process_rule: document.process_rule,
				doc_language: document.doc_language,
				doc_type: null,
				completed_at: base.indexing_status === 'completed' ? document.updated_at : null,
				updated_at: document.updated_at,
				segment_count: store.visibleSegments(knowledge, document).length,
			});
			if (metadata === 'only')
				return {
					status: 200,
					body: { id: document.id, doc_type: null, doc_metadata: base.doc_metadata },
				};
			if (metadata === 'without') delete detail.doc_metadata;
			return { status: 200, body: detail };
		},
	},
	{
		method: 'DELETE',
		path: '/datasets/:dataset_id/documents/:document_id',
		params: schemas.documentParams,
		handle({ params, state }) {
			const { dataset, document, error } = documentOf(state, params, 'Document Not Exists.');
			if (error) return error;
			if (document.archived)
				return fail(403, 'archived_document_immutable', 'The archived document is not editable.');
			dataset.documents.delete(document.id);
			return { status: 204 };
		},
	},
	{
		method: 'PATCH',
		path: '/datasets/:dataset_id/documents/:document_id',
		params: schemas.documentParams,
		handle({ params, body, headers, state, record }) {
			const { dataset, document, error } = documentOf(state, params);
			if (error) return error;
			const part = readFilePart(body, headers, validateUpdateSettings);
			if (part.rejected) record.rejected = part.rejected;
			if (part.error) return part.error;
			record.settings = part.settings;
			return reindex(state, dataset, document, { ...part.settings, file: part.file });
		},
	},
	{
		method: 'POST',
		path: '/datasets/:dataset_id/documents/:document_id/update-by-text',
		params: schemas.documentParams,
		contentType: 'application/json',
		body: schemas.updateByText,
		handle({ params, body, state }) {
			const { dataset, document, error } = documentOf(state, params);
			if (error) return error;
			if (body.text !== undefined && !body.name)
				return fail(400, 'invalid_param', 'name is required when text is provided.');
			return reindex(state, dataset, document, body);
		},
	},
	{
		method: 'GET',
		path: '/datasets/:dataset_id/documents/:document_id/download',
		params: schemas.documentParams,
		handle({ params, state, req }) {
			const knowledge = storeOf(state);
			const { document, error } = documentOf(state, params);
			if (error) return error;
			if (!document.file)
				return fail(404, 'not_found', 'Document does not have an uploaded file to download.');
			const token = crypto.randomBytes(16).toString('hex');
			knowledge.files.set(token, { file: document.file, expires: Date.now() + DOWNLOAD_TTL_MS });
			const url = `http://${req.headers.host}/knowledge-files/${token}?sign=${token.slice(0, 8)}&expires=${Math.floor((Date.now() + DOWNLOAD_TTL_MS) / 1000)}`;
			return { status: 200, body: { url } };
		},
	},
	{
		method: 'PATCH',
		path: '/datasets/:dataset_id/documents/status/:action',
		params: schemas.statusParams,
		contentType: 'application/json',
		body: schemas.documentIds,
		handle({ params, body, state }) {
			const knowledge = storeOf(state);
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			// unknown IDs are skipped, as Dify does; a document still indexing refuses every action
			const documents = body.document_ids.map((id) => dataset.documents.get(id)).filter(Boolean);
			const busy = documents.find((d) => stageOf(knowledge, d).status !== 'completed');
			if (busy) return fail(400, 'invalid_action', `Document: ${busy.name} is not completed.`);
			for (const document of documents) {
				if (params.action === 'enable') document.enabled = true;
				if (params.action === 'disable') document.enabled = false;
				if (params.action === 'archive') document.archived = true;
				if (params.action === 'un_archive') document.archived = false;
				document.updated_at = store.now();
			}
			return { status: 200, body: { result: 'success' } };
		},
	},
	{
		method: 'GET',
		path: '/knowledge-files/:token',
		public: true,
		handle({ params, state }) {
			const entry = storeOf(state).files.get(params.token);
			if (!entry || entry.expires < Date.now())
				return { status: 403, body: 'Signature expired or invalid.' };
			const { file } = entry;
			return {
				status: 200,
				body: file.data,
				headers: {
					'content-type': file.mime_type || 'application/octet-stream',
					'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
				},
			};
		},
	},
];

const segmentRoutes = [
	{
		method: 'POST',
		path: '/datasets/:dataset_id/documents/:document_id/segments',
		params: schemas.documentParams,
		contentType: 'application/json',
		body: schemas.createSegments,
		handle({ params, body, state }) {
			const knowledge = storeOf(state);
			const { document, error } = documentOf(state, params);
			if (error) return error;
			if (stageOf(knowledge, document).status !== 'completed')
				return fail(404, 'not_found', 'Document is not completed.');
			if (!document.enabled) return fail(404, 'not_found', 'Document is disabled.');
			if (document.doc_form === 'qa_model' && body.segments.some((s) => !s.answer))
				return fail(400, 'invalid_param', 'Answer is required');
			const created = body.segments.map((s) =>
				store.newSegment(knowledge, document, { ...s, position: document.segments.length + 1 }),
			);
			for (const segment of created) {
				segment.position = document.segments.length + 1;
				document.segments.push(segment);
			}
			return { status: 200, body: { data: created, doc_form: document.doc_form } };
		},
	},
	{
		method: 'GET',
		path: '/datasets/:dataset_id/documents/:document_id/segments',
		params: schemas.documentParams,
		query: schemas.listSegmentsQuery,
		handle({ params, query, state }) {
			const { document, error } = documentOf(state, params);
			if (error) return error;
			const statuses = query.status ?? [];
			const list = store
				.visibleSegments(storeOf(state), document)
				.filter((s) => !query.keyword || s.content.includes(query.keyword))
				.filter((s) => statuses.length === 0 || statuses.includes(s.status));
			return { status: 200, body: { ...page(list, query), doc_form: document.doc_form } };
		},
	},
	{
		method: 'GET',
		path: '/datasets/:dataset_id/documents/:document_id/segments/:segment_id',
		params: schemas.segmentParams,
		handle({ params, state }) {
			const { document, segment, error } = segmentOf(state, params);
			return error ?? { status: 200, body: { data: segment, doc_form: document.doc_form } };
		},
	},
	{
		method: 'POST',
		path: '/datasets/:dataset_id/documents/:document_id/segments/:segment_id',
		params: schemas.segmentParams,
		contentType: 'application/json',
		body: schemas.updateSegment,
		handle({ params, body, state }) {
			const knowledge = storeOf(state);
			const { document, segment, error } = segmentOf(state, params);
			if (error) return error;
			const changes = body.segment;
			if (changes.content !== undefined) {
				segment.content = changes.content;
				segment.word_count = changes.content.split(/\s+/).filter(Boolean).length;
				if (changes.regenerate_child_chunks && document.doc_form === 'hierarchical_model')
					segment.child_chunks = changes.content
						.split(/(?<=[.!?])\s+/)
						.filter(Boolean)
						.map((sentence, n) => store.newChild(knowledge, segment, sentence, n + 1, 'automatic'));
			}
			for (const key of ['answer', 'keywords', 'enabled', 'summary', 'attachment_ids'])
				if (changes[key] !== undefined) segment[key] = changes[key];
			segment.updated_at = store.now();
			return { status: 200, body: { data: segment, doc_form: document.doc_form } };
		},
	},
	{
		method: 'DELETE',
		path: '/datasets/:dataset_id/documents/:document_id/segments/:segment_id',
		params: schemas.segmentParams,
		handle({ params, state }) {
			const { document, segment, error } = segmentOf(state, params);
			if (error) return error;
			document.segments = document.segments.filter((s) => s !== segment);
			return { status: 204 };
		},
	},
	{
		method: 'POST',
		path: '/datasets/:dataset_id/documents/:document_id/segments/:segment_id/child_chunks',
		params: schemas.segmentParams,
		contentType: 'application/json',
		body: schemas.childChunkContent,
		handle({ params, body, state }) {
			const { segment, error } = segmentOf(state, params);
			if (error) return error;
			const child = store.newChild(
				storeOf(state),
				segment,
				body.content,
				segment.child_chunks.length + 1,
			);
			segment.child_chunks.push(child);
			return { status: 200, body: { data: child } };
		},
	},
	{
		method: 'GET',
		path: '/datasets/:dataset_id/documents/:document_id/segments/:segment_id/child_chunks',
		params: schemas.segmentParams,
		query: schemas.listChildChunksQuery,
		handle({ params, query, state }) {
			const { segment, error } = segmentOf(state, params);
			if (error) return error;
			const list = segment.child_chunks.filter(
				(c) => !query.keyword || c.content.includes(query.keyword),
			);
			// this list says how many pages there are (total_pages), not has_more
			const { has_more, ...rest } = page(list, query);
			return {
				status: 200,
				body: { ...rest, total_pages: Math.max(1, Math.ceil(list.length / rest.limit)) },
			};
		},
	},
	{
		method: 'PATCH',
		path: '/datasets/:dataset_id/documents/:document_id/segments/:segment_id/child_chunks/:child_chunk_id',
		params: schemas.childChunkParams,
		contentType: 'application/json',
		body: schemas.childChunkContent,
		handle({ params, body, state }) {
			const { segment, error } = segmentOf(state, params);
			if (error) return error;
			const child = segment.child_chunks.find((c) => c.id === params.child_chunk_id);
			if (!child) return fail(404, 'not_found', 'Child chunk not found.');
			child.content = body.content;
			child.word_count = body.content.split(/\s+/).filter(Boolean).length;
			child.type = 'customized';
			child.updated_at = store.now();
			return { status: 200, body: { data: child } };
		},
	},
	{
		method: 'DELETE',
		path: '/datasets/:dataset_id/documents/:document_id/segments/:segment_id/child_chunks/:child_chunk_id',
		params: schemas.childChunkParams,
		handle({ params, state }) {
			const { segment, error } = segmentOf(state, params);
			if (error) return error;
			const before = segment.child_chunks.length;
			segment.child_chunks = segment.child_chunks.filter((c) => c.id !== params.child_chunk_id);
			if (segment.child_chunks.length === before)
				return fail(404, 'not_found', 'Child chunk not found.');
			return { status: 204 };
		},
	},
];

module.exports = { routes: [...documentRoutes, ...segmentRoutes] };
