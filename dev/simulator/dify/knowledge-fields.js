'use strict';
/**
 * The Dify simulator's Knowledge API, part three: knowledge base tags and their bindings, metadata
 * fields (custom and built-in, values on documents) and the workspace's models. The tag routes
 * come first in the route list: /datasets/:dataset_id would match /datasets/tags too.
 */
const schemas = require('../schemas/dify-knowledge.json');
const store = require('./knowledge-store');

const { storeOf, fail, datasetOf } = store;

function tagBody(knowledge, tag) {
	const count = [...knowledge.datasets.values()].filter((d) => d.tagIds.has(tag.id)).length;
	return { ...tag, binding_count: String(count) };
}

const tagRoutes = [
	{
		method: 'POST',
		path: '/datasets/tags',
		contentType: 'application/json',
		body: schemas.createTag,
		handle({ body, state }) {
			const knowledge = storeOf(state);
			if ([...knowledge.tags.values()].some((t) => t.name === body.name))
				return fail(400, 'invalid_param', 'Tag name already exists');
			const tag = { id: store.nextId(knowledge), name: body.name, type: 'knowledge' };
			knowledge.tags.set(tag.id, tag);
			return { status: 200, body: tagBody(knowledge, tag) };
		},
	},
	{
		method: 'GET',
		path: '/datasets/tags',
		handle({ state }) {
			const knowledge = storeOf(state);
			return { status: 200, body: [...knowledge.tags.values()].map((t) => tagBody(knowledge, t)) };
		},
	},
	{
		method: 'PATCH',
		path: '/datasets/tags',
		contentType: 'application/json',
		body: schemas.updateTag,
		handle({ body, state }) {
			const knowledge = storeOf(state);
			const tag = knowledge.tags.get(body.tag_id);
			if (!tag) return fail(404, 'not_found', 'Tag not found');
			if ([...knowledge.tags.values()].some((t) => t.name === body.name && t.id !== tag.id))
				return fail(400, 'invalid_param', 'Tag name already exists');
			tag.name = body.name;
			return { status: 200, body: tagBody(knowledge, tag) };
		},
	},
	{
		method: 'DELETE',
		path: '/datasets/tags',
		contentType: 'application/json',
		body: schemas.deleteTag,
		handle({ body, state }) {
			const knowledge = storeOf(state);
			if (!knowledge.tags.delete(body.tag_id)) return fail(404, 'not_found', 'Tag not found');
			for (const dataset of knowledge.datasets.values()) dataset.tagIds.delete(body.tag_id);
			return { status: 204 };
		},
	},
	{
		method: 'POST',
		path: '/datasets/tags/binding',
		contentType: 'application/json',
		body: schemas.bindTags,
		handle({ body, state }) {
			const knowledge = storeOf(state);
			const dataset = knowledge.datasets.get(body.target_id);
			if (!dataset) return fail(404, 'not_found', 'Dataset not found');
			// unknown tag IDs are silently ignored, as documented
			for (const id of body.tag_ids) if (knowledge.tags.has(id)) dataset.tagIds.add(id);
			return { status: 204 };
		},
	},
	{
		method: 'POST',
		path: '/datasets/tags/unbinding',
		contentType: 'application/json',
		body: schemas.unbindTags,
		handle({ body, state }) {
			const dataset = storeOf(state).datasets.get(body.target_id);
			if (!dataset) return fail(404, 'not_found', 'Dataset not found');
			const ids = body.tag_ids ?? (body.tag_id ? [body.tag_id] : []);
			if (ids.length === 0) return fail(400, 'invalid_param', 'tag_ids is required.');
			for (const id of ids) dataset.tagIds.delete(id);
			return { status: 204 };
		},
	},
	{
		method: 'GET',
		path: '/datasets/:dataset_id/tags',
		params: schemas.datasetParams,
		handle({ params, state }) {
			const knowledge = storeOf(state);
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			const data = [...dataset.tagIds]
				.filter((id) => knowledge.tags.has(id))
				.map((id) => ({ id, name: knowledge.tags.get(id).name }));
			return { status: 200, body: { data, total: data.length } };
		},
	},
];

const metadataRoutes = [
	{
		method: 'POST',
		path: '/datasets/:dataset_id/metadata',
		params: schemas.datasetParams,
		contentType: 'application/json',
		body: schemas.createMetadata,
		handle({ params, body, state }) {
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			if (body.name.length > 255)
				return fail(400, 'invalid_param', 'Metadata name cannot exceed 255 characters.');
			if (store.BUILT_IN_FIELDS.some((f) => f.name === body.name))
				return fail(400, 'invalid_param', 'Metadata name already exists in Built-in fields.');
			if (dataset.metadata.some((f) => f.name === body.name))
				return fail(400, 'invalid_param', 'Metadata name already exists.');
			const field = { id: store.nextId(storeOf(state)), name: body.name, type: body.type };
			dataset.metadata.push(field);
			return { status: 201, body: field };
		},
	},
	{
		method: 'GET',
		path: '/datasets/:dataset_id/metadata',
		params: schemas.datasetParams,
		handle({ params, state }) {
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			const documents = [...dataset.documents.values()];
			return {
				status: 200,
				body: {
					doc_metadata: dataset.metadata.map((f) => ({
						...f,
						count: documents.filter((d) => Object.hasOwn(d.doc_metadata, f.name)).length,
					})),
					built_in_field_enabled: dataset.built_in_field_enabled,
				},
			};
		},
	},
	{
		method: 'GET',
		path: '/datasets/:dataset_id/metadata/built-in',
		params: schemas.datasetParams,
		handle({ params, state }) {
			const { error } = datasetOf(state, params.dataset_id);
			return error ?? { status: 200, body: { fields: store.BUILT_IN_FIELDS } };
		},
	},
	{
		method: 'POST',
		path: '/datasets/:dataset_id/metadata/built-in/:action',
		params: schemas.builtInParams,
		handle({ params, state }) {
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			dataset.built_in_field_enabled = params.action === 'enable';
			return { status: 200, body: { result: 'success' } };
		},
	},
	{
		method: 'PATCH',
		path: '/datasets/:dataset_id/metadata/:metadata_id',
		params: schemas.metadataParams,
		contentType: 'application/json',
		body: schemas.renameMetadata,
		handle({ params, body, state }) {
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			const field = dataset.metadata.find((f) => f.id === params.metadata_id);
			if (!field) return fail(404, 'not_found', 'Metadata not found.');
			if (
				dataset.metadata.some((f) => f.name === body.name && f.id !== field.id) ||
				store.BUILT_IN_FIELDS.some((f) => f.name === body.name)
			)
				return fail(400, 'invalid_param', 'Metadata name already exists.');
			for (const document of dataset.documents.values()) {
				if (Object.hasOwn(document.doc_metadata, field.name)) {
					document.doc_metadata[body.name] = document.doc_metadata[field.name];
					delete document.doc_metadata[field.name];
				}
			}
			field.name = body.name;
			return { status: 200, body: field };
		},
	},
	{
		method: 'DELETE',
		path: '/datasets/:dataset_id/metadata/:metadata_id',
		params: schemas.metadataParams,
		handle({ params, state }) {
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			const index = dataset.metadata.findIndex((f) => f.id === params.metadata_id);
			if (index === -1) return fail(404, 'not_found', 'Metadata not found.');
			const [field] = dataset.metadata.splice(index, 1);
			for (const document of dataset.documents.values()) delete document.doc_metadata[field.name];
			return { status: 204 };
		},
	},
	{
		method: 'POST',
		path: '/datasets/:dataset_id/documents/metadata',
		params: schemas.datasetParams,
		contentType: 'application/json',
		body: schemas.documentsMetadata,
		handle({ params, body, state }) {
			const { dataset, error } = datasetOf(state, params.dataset_id);
			if (error) return error;
			for (const operation of body.operation_data)
				if (!dataset.documents.has(operation.document_id))
					return fail(400, 'invalid_param', 'Document not found.');
			for (const operation of body.operation_data) {
				const document = dataset.documents.get(operation.document_id);
				if (!operation.partial_update) document.doc_metadata = {};
				for (const entry of operation.metadata_list) {
					if (entry.value === null || entry.value === undefined)
						delete document.doc_metadata[entry.name];
					else document.doc_metadata[entry.name] = entry.value;
				}
			}
			return { status: 200, body: { result: 'success' } };
		},
	},
];

const modelRoutes = [
	{
		method: 'GET',
		path: '/workspaces/current/models/model-types/:model_type',
		params: schemas.modelParams,
		handle({ params }) {
			const data = (store.MODELS[params.model_type] ?? []).map((p) => ({
				provider: p.provider,
				label: p.label,
				icon_small: {
					en_US: 'https://example.com/icon-small.svg',
					zh_Hans: 'https://example.com/icon-small.svg',
				},
				status: 'active',
				models: p.models.map((model) => ({
					model,
					label: { en_US: model, zh_Hans: model },
					model_type: params.model_type,
					features: null,
					fetch_from: 'predefined-model',
					model_properties: { context_size: p.context_size },
					status: 'active',
					deprecated: false,
					load_balancing_enabled: false,
					has_invalid_load_balancing_configs: false,
				})),
				tenant_id: '11223344-5566-7788-99aa-bbccddeeff00',
				icon_small_dark: null,
			}));
			return { status: 200, body: { data } };
		},
	},
];

module.exports = { routes: [...tagRoutes, ...metadataRoutes, ...modelRoutes] };
