/**
 * The Knowledge API's lists, through common `collectPages`: paged by `page` and `limit` (every
 * page asked with the same limit, since a page number means something only for a fixed page
 * size), ending at `has_more: false`, at the last of `total_pages` (child chunks), or at a short
 * page; and the lists Dify answers in one piece (tags, metadata fields, models), cut to the Limit.
 */
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { collectPages } from '../../../common/paging';
import { compact } from '../../../common/validate';
import { knowledgeRequest } from './api';

/** The largest page the Knowledge API serves ("Server caps at 100"). */
export const KNOWLEDGE_MAX_PAGE_SIZE = 100;

/** The records of a body's `data` list; a body without one is an error, not an empty list. */
export function dataList(
	ctx: IExecuteFunctions,
	i: number,
	path: string,
	body: unknown,
	key = 'data',
): IDataObject[] {
	const list = body && typeof body === 'object' ? (body as IDataObject)[key] : undefined;
	if (!Array.isArray(list)) {
		throw new NodeApiError(ctx.getNode(), (body ?? {}) as JsonObject, {
			message: `Dify answered ${path} without a "${key}" list`,
			itemIndex: i,
		});
	}
	return list as IDataObject[];
}

/** A list paged by page number; `limit` undefined returns all records. */
export async function listKnowledgePages(
	ctx: IExecuteFunctions,
	i: number,
	request: { path: string; qs?: IDataObject; limit: number | undefined },
): Promise<IDataObject[]> {
	const pageSize = Math.min(KNOWLEDGE_MAX_PAGE_SIZE, request.limit ?? KNOWLEDGE_MAX_PAGE_SIZE);
	return await collectPages<IDataObject, number>({
		node: ctx.getNode(),
		itemIndex: i,
		providerName: 'Dify',
		limit: request.limit,
		maxPageSize: pageSize,
		fetchPage: async (pageNumber) => {
			const page = pageNumber ?? 1;
			const body = await knowledgeRequest<IDataObject>(ctx, i, {
				method: 'GET',
				path: request.path,
				qs: compact({ ...request.qs, page, limit: pageSize }),
				// tag_ids and status are lists Dify reads as repeated parameters (style form, explode)
				arrayFormat: 'repeat',
			});
			const records = dataList(ctx, i, request.path, body);
			let more: boolean;
			if (typeof body.has_more === 'boolean') more = body.has_more;
			else if (typeof body.total_pages === 'number') more = page < body.total_pages;
			else more = records.length >= pageSize;
			return { items: records, next: more ? page + 1 : undefined };
		},
	});
}

/** A list Dify answers in one piece, cut to the item's Limit. */
export function limited<T>(records: T[], limit: number | undefined): T[] {
	return limit === undefined ? records : records.slice(0, limit);
}
