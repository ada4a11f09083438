import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collectPages } from '../../common/paging';
import { devRevProfile, devRevRequest } from '../transport';

/** One DevRev list as a list operation reads it. */
export interface CursorList {
	/** The GET endpoint, e.g. /conversations.list. */
	path: string;
	/** Where the answer holds the records, e.g. "conversations". */
	listKey: string;
	/** The operation's own query (filters, the object). */
	qs: IDataObject;
	/** Extra Query Parameters (JSON), merged over every page's query. */
	extra: IDataObject;
	/** How many records to return; undefined for Return All. */
	limit: number | undefined;
	/** The most records the node asks for per page. */
	pageSize: number;
}

/**
 * A DevRev list page by page (pagination.mdx): `limit` per page, `cursor` from the previous page's
 * `next_cursor`, until a page comes without one. Bounded like every list (collectPages).
 */
export async function collectCursorPages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	list: CursorList,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, string>({
		node: ctx.getNode(),
		itemIndex,
		providerName: devRevProfile.name,
		limit: list.limit,
		maxPageSize: list.pageSize,
		fetchPage: async (cursor, pageSize) => {
			const body = await devRevRequest(ctx, itemIndex, {
				method: 'GET',
				path: list.path,
				qs: { ...list.qs, limit: pageSize, ...(cursor ? { cursor } : {}), ...list.extra },
			});
			const items = body?.[list.listKey];
			const next = body?.next_cursor;
			return {
				items: Array.isArray(items) ? (items as IDataObject[]) : [],
				next: typeof next === 'string' ? next : undefined,
			};
		},
	});
}
