/**
 * Dify's list endpoints, through common `collectPages`: paged by a cursor (`last_id`: the last
 * record of the page before; `first_id`: the first, oldest, message of the page after, going back
 * in time) or by page number (ending at `has_more: false`, or at a short page where Dify's answer
 * has no `has_more`).
 */
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { collectPages } from '../../common/paging';
import { apiRequest } from '../../common/transport';
import { compact } from '../../common/validate';
import { difyProfile } from '../transport';

/** The largest page Dify's list endpoints serve (`limit` maximum). */
export const DIFY_MAX_PAGE_SIZE = 100;

interface ListRequest {
	path: string;
	/** Query parameters besides the paging ones (left out when undefined). */
	qs: IDataObject;
	/** Records to return at most; undefined for all. */
	limit: number | undefined;
}

async function requestPage(ctx: IExecuteFunctions, i: number, path: string, qs: IDataObject) {
	const response = await apiRequest<IDataObject>(ctx, difyProfile, {
		method: 'GET',
		path,
		qs: compact(qs),
		itemIndex: i,
	});
	const body = response.body ?? {};
	if (!Array.isArray(body.data)) {
		throw new NodeApiError(ctx.getNode(), body as JsonObject, {
			message: `Dify answered ${path} without a "data" list`,
			itemIndex: i,
		});
	}
	return { records: body.data as IDataObject[], hasMore: body.has_more === true };
}

/**
 * A list paged by a record's id. `last_id`: in the order Dify gives. `first_id` (a conversation's
 * messages): the first page holds the latest records, each page in chronological order; with a
 * Limit the latest ones, returned oldest first, as a chat shows them.
 */
export async function listByCursor(
	ctx: IExecuteFunctions,
	i: number,
	request: ListRequest & { cursor: 'last_id' | 'first_id' },
): Promise<IDataObject[]> {
	const backwards = request.cursor === 'first_id';
	const records = await collectPages<IDataObject, string>({
		node: ctx.getNode(),
		itemIndex: i,
		providerName: 'Dify',
		limit: request.limit,
		maxPageSize: DIFY_MAX_PAGE_SIZE,
		fetchPage: async (cursor, pageSize) => {
			const page = await requestPage(ctx, i, request.path, {
				...request.qs,
				[request.cursor]: cursor,
				limit: pageSize,
			});
			const edge = backwards ? page.records[0] : page.records[page.records.length - 1];
			return {
				items: backwards ? [...page.records].reverse() : page.records,
				next: page.hasMore && edge?.id ? String(edge.id) : undefined,
			};
		},
	});
	return backwards ? records.reverse() : records;
}

/**
 * A list paged by `page` number. Every page is asked with the same `limit` (a page number only
 * means something for a fixed page size). `end`: how Dify says a page is the last one.
 */
export async function listByPageNumber(
	ctx: IExecuteFunctions,
	i: number,
	request: ListRequest & { end: 'hasMore' | 'shortPage' },
): Promise<IDataObject[]> {
	const pageSize = Math.min(DIFY_MAX_PAGE_SIZE, request.limit ?? DIFY_MAX_PAGE_SIZE);
	return await collectPages<IDataObject, number>({
		node: ctx.getNode(),
		itemIndex: i,
		providerName: 'Dify',
		limit: request.limit,
		maxPageSize: pageSize,
		fetchPage: async (pageNumber) => {
			const number = pageNumber ?? 1;
			const page = await requestPage(ctx, i, request.path, {
				...request.qs,
				page: number,
				limit: pageSize,
			});
			const more = request.end === 'hasMore' ? page.hasMore : page.records.length >= pageSize;
			return { items: page.records, next: more ? number + 1 : undefined };
		},
	});
}
