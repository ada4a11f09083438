/**
 * Dify's list endpoints and their three paging schemes, each through common `collectPages`:
 * - `last_id` (conversations, conversation variables): the id of the last record of the previous
 *   page; `{ limit, has_more, data }`;
 * - `first_id` (conversation messages): the first page holds the latest messages, each page in
 *   chronological order; the id of the first (oldest) message of a page fetches the older page
 *   before it; `{ limit, has_more, data }`;
 * - `page` numbers (app feedbacks): `{ data }` only, so a short page is the last one.
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

interface DifyPage {
	records: IDataObject[];
	hasMore: boolean;
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
	return { records: body.data as IDataObject[], hasMore: body.has_more === true } as DifyPage;
}

/** A list paged by `last_id` (the last record's id), in the order Dify gives. */
export async function listAfterLastId(
	ctx: IExecuteFunctions,
	i: number,
	request: ListRequest,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, string>({
		node: ctx.getNode(),
		itemIndex: i,
		providerName: 'Dify',
		limit: request.limit,
		maxPageSize: DIFY_MAX_PAGE_SIZE,
		fetchPage: async (lastId, pageSize) => {
			const page = await requestPage(ctx, i, request.path, {
				...request.qs,
				last_id: lastId,
				limit: pageSize,
			});
			const last = page.records[page.records.length - 1];
			return { items: page.records, next: page.hasMore && last?.id ? String(last.id) : undefined };
		},
	});
}

/**
 * A conversation's messages paged backwards by `first_id`: with a Limit, the latest ones. Returned
 * in chronological order (oldest first), as a chat shows them.
 */
export async function listBeforeFirstId(
	ctx: IExecuteFunctions,
	i: number,
	request: ListRequest,
): Promise<IDataObject[]> {
	const newestFirst = await collectPages<IDataObject, string>({
		node: ctx.getNode(),
		itemIndex: i,
		providerName: 'Dify',
		limit: request.limit,
		maxPageSize: DIFY_MAX_PAGE_SIZE,
		fetchPage: async (firstId, pageSize) => {
			const page = await requestPage(ctx, i, request.path, {
				...request.qs,
				first_id: firstId,
				limit: pageSize,
			});
			const oldest = page.records[0];
			return {
				items: [...page.records].reverse(),
				next: page.hasMore && oldest?.id ? String(oldest.id) : undefined,
			};
		},
	});
	return newestFirst.reverse();
}

/**
 * A list paged by `page` number. Every page is asked with the same `limit` (a page number only
 * means something for a fixed page size); a page shorter than that is the last.
 */
export async function listByPageNumber(
	ctx: IExecuteFunctions,
	i: number,
	request: ListRequest,
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
			return {
				items: page.records,
				next: page.records.length >= pageSize ? number + 1 : undefined,
			};
		},
	});
}
