/**
 * Implementations several Knowledge operations share: a request built from checked path IDs
 * (Get, Delete, and the like), what a Delete outputs, and Tag → Bind / Unbind.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation, OperationResult } from '../../../common/items';
import type { ApiRequest } from '../../../common/transport';
import { parseList } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from './api';
import type { KnowledgeIdName } from './ids';
import { readIds } from './ids';

type Ids<K extends KnowledgeIdName> = Record<K, string>;

/** One request from the item's IDs; `item` turns Dify's body into the output (default: the body). */
export function idsOperation<K extends KnowledgeIdName>(spec: {
	ids: readonly K[];
	request: (ids: Ids<K>) => Omit<ApiRequest, 'itemIndex'>;
	item?: (body: IDataObject, ids: Ids<K>) => OperationResult;
}): ItemOperation<Ids<K>> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			return readIds(this, i, spec.ids);
		},
		async execute(this: IExecuteFunctions, i, ids) {
			const body = (await knowledgeRequest<IDataObject>(this, i, spec.request(ids))) ?? {};
			return spec.item ? spec.item(body, ids) : body;
		},
	};
}

/** A Delete (Dify answers 204 without a body): the item says what was deleted. */
export function deleteOperation<K extends KnowledgeIdName>(
	ids: readonly K[],
	path: (ids: Ids<K>) => string,
	deletedId: K,
): ItemOperation<Ids<K>> {
	return idsOperation({
		ids,
		request: (values) => ({ method: 'DELETE', path: path(values) }),
		item: (_body, values) => ({ deleted: true, id: values[deletedId] }),
	});
}

/** Dify's `{ data: record, … }` answers (chunks, child chunks): the record, with the rest beside it. */
export function unwrapData(body: IDataObject): IDataObject {
	const { data, ...rest } = body;
	return data && typeof data === 'object' && !Array.isArray(data)
		? { ...(data as IDataObject), ...rest }
		: body;
}

interface Binding {
	targetId: string;
	tagIds: string[];
}

/** Tag → Bind and Unbind: tags and the knowledge base they go on or come off. */
export function bindingOperation(which: 'bind' | 'unbind'): ItemOperation<Binding> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			const { dataset } = readIds(this, i, ['dataset']);
			const tagIds = parseList(
				this.getNode(),
				i,
				'Tag IDs',
				this.getNodeParameter('tagIds', i, ''),
				{
					min: 1,
					unique: true,
				},
			);
			return { targetId: dataset, tagIds };
		},

		async execute(this: IExecuteFunctions, i, { targetId, tagIds }) {
			// Dify answers 204 without a body (and ignores tag IDs it does not know)
			await knowledgeRequest(this, i, {
				method: 'POST',
				path: which === 'bind' ? knowledgePaths.tagBinding : knowledgePaths.tagUnbinding,
				body: { tag_ids: tagIds, target_id: targetId },
				// binding twice, or unbinding twice, leaves the same tags
				idempotent: true,
			});
			return { success: true, target_id: targetId, tag_ids: tagIds };
		},
	};
}
