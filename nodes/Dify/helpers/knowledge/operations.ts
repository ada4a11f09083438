/**
 * Implementations several Knowledge operations share: a request built from checked path IDs
 * (Get, Delete, and the like), and what a Delete outputs.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation, OperationResult } from '../../../common/items';
import type { ApiRequest } from '../../../common/transport';
import { knowledgeRequest } from './api';
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
