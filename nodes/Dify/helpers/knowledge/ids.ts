/**
 * The IDs the Knowledge resources put into paths and bodies, read and checked before any request:
 * `uuid` where openapi_service.json gives the path parameter as `format: uuid`; batches, tags and
 * the IDs inside request bodies are only checked to be path-safe or non-empty text.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { parseList, requireString } from '../../../common/validate';
import type { PathIdField } from '../parameters';
import { readPathId } from '../parameters';

export const KNOWLEDGE_IDS = {
	dataset: { name: 'datasetId', label: 'Knowledge Base ID', uuid: true },
	document: { name: 'documentId', label: 'Document ID', uuid: true },
	segment: { name: 'segmentId', label: 'Chunk ID', uuid: true },
	childChunk: { name: 'childChunkId', label: 'Child Chunk ID', uuid: true },
	metadata: { name: 'metadataId', label: 'Metadata Field ID', uuid: true },
	batch: { name: 'batch', label: 'Batch' },
} satisfies Record<string, PathIdField>;

export type KnowledgeIdName = keyof typeof KNOWLEDGE_IDS;

/** Several path IDs of one item, by name, each checked as `readPathId` does. */
export function readIds<K extends KnowledgeIdName>(
	ctx: IExecuteFunctions,
	i: number,
	names: readonly K[],
): Record<K, string> {
	const out = {} as Record<K, string>;
	for (const name of names) out[name] = readPathId(ctx, i, KNOWLEDGE_IDS[name]);
	return out;
}

/** A list of document IDs for a request body (comma-separated or an array): at least one, unique. */
export function readDocumentIds(ctx: IExecuteFunctions, i: number): string[] {
	return parseList(ctx.getNode(), i, 'Document IDs', ctx.getNodeParameter('documentIds', i, ''), {
		min: 1,
		unique: true,
	});
}

/** A tag ID (sent in the body; its form is not documented): non-empty text. */
export function readTagId(ctx: IExecuteFunctions, i: number): string {
	return requireString(ctx.getNode(), i, 'Tag ID', ctx.getNodeParameter('tagId', i, '')).trim();
}

/** A required text parameter, trimmed, with documented length bounds. */
export function readName(
	ctx: IExecuteFunctions,
	i: number,
	field: { name: string; label: string; max?: number },
): string {
	const text = requireString(
		ctx.getNode(),
		i,
		field.label,
		ctx.getNodeParameter(field.name, i, ''),
	).trim();
	return requireString(ctx.getNode(), i, field.label, text, { min: 1, max: field.max });
}
