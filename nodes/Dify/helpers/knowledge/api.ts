/**
 * The Knowledge API's paths (each ID one encoded segment) and the request every Knowledge
 * operation sends: through the Knowledge profile, so it is signed with the Dify Knowledge API
 * credential and its errors read as knowledge errors.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ApiRequest } from '../../../common/transport';
import { apiRequest } from '../../../common/transport';
import { difyKnowledgeProfile } from '../../transport';

const seg = encodeURIComponent;
const dataset = (id: string) => `/datasets/${seg(id)}`;
const document = (datasetId: string, documentId: string) =>
	`${dataset(datasetId)}/documents/${seg(documentId)}`;
const segment = (datasetId: string, documentId: string, segmentId: string) =>
	`${document(datasetId, documentId)}/segments/${seg(segmentId)}`;

export const knowledgePaths = {
	datasets: '/datasets',
	dataset,
	retrieve: (id: string) => `${dataset(id)}/retrieve`,
	createByText: (id: string) => `${dataset(id)}/document/create-by-text`,
	createByFile: (id: string) => `${dataset(id)}/document/create-by-file`,
	documents: (id: string) => `${dataset(id)}/documents`,
	document,
	updateByText: (id: string, documentId: string) => `${document(id, documentId)}/update-by-text`,
	download: (id: string, documentId: string) => `${document(id, documentId)}/download`,
	indexingStatus: (id: string, batch: string) =>
		`${dataset(id)}/documents/${seg(batch)}/indexing-status`,
	documentStatus: (id: string, action: string) => `${dataset(id)}/documents/status/${seg(action)}`,
	documentsMetadata: (id: string) => `${dataset(id)}/documents/metadata`,
	segments: (id: string, documentId: string) => `${document(id, documentId)}/segments`,
	segment,
	childChunks: (id: string, documentId: string, segmentId: string) =>
		`${segment(id, documentId, segmentId)}/child_chunks`,
	childChunk: (id: string, documentId: string, segmentId: string, childId: string) =>
		`${segment(id, documentId, segmentId)}/child_chunks/${seg(childId)}`,
	tags: '/datasets/tags',
	tagBinding: '/datasets/tags/binding',
	tagUnbinding: '/datasets/tags/unbinding',
	datasetTags: (id: string) => `${dataset(id)}/tags`,
	metadata: (id: string) => `${dataset(id)}/metadata`,
	metadataField: (id: string, metadataId: string) => `${dataset(id)}/metadata/${seg(metadataId)}`,
	builtInMetadata: (id: string) => `${dataset(id)}/metadata/built-in`,
	builtInMetadataAction: (id: string, action: string) =>
		`${dataset(id)}/metadata/built-in/${seg(action)}`,
	models: (modelType: string) => `/workspaces/current/models/model-types/${seg(modelType)}`,
};

/** One Knowledge API request for item `i`; resolves with Dify's body. */
export async function knowledgeRequest<T = IDataObject>(
	ctx: IExecuteFunctions,
	i: number,
	request: Omit<ApiRequest, 'itemIndex'>,
): Promise<T> {
	const response = await apiRequest<T>(ctx, difyKnowledgeProfile, { ...request, itemIndex: i });
	return response.body;
}
