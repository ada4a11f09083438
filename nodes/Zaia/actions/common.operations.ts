/** Implementations several Zaia operations share: the lists that page by page number. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collectPages, pagingError } from '../../common/paging';
import { apiRequest } from '../../common/transport';
import { zaiaProfile } from '../transport';

/** `pageSize` of GET /api/v1/chats and /api/v1/chat-threads: at most 100 (the reference). */
export const MAX_PAGE_SIZE = 100;

export interface PageNumberList {
	/** e.g. /api/v1/chats */
	path: string;
	/** The operation's own query (filters, the chat). */
	qs: IDataObject;
	/** How many records to return; undefined for Return All. */
	limit: number | undefined;
}

/**
 * A Zaia list page by page: `pageNumber` from 1 and one `pageSize` for every page (the Limit, at
 * most 100: a smaller last page would shift the numbering), until a page holds fewer records than
 * asked for; the records beyond the Limit are dropped. The reference answers a JSON array; a page that only repeats the
 * page before it (an API ignoring `pageNumber`) stops with an error instead of looping. Arrays in
 * the query repeat their name (OpenAPI form, explode: true).
 */
export async function collectNumberedPages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	list: PageNumberList,
): Promise<IDataObject[]> {
	const where = { node: ctx.getNode(), itemIndex, providerName: zaiaProfile.name };
	const pageSize = Math.min(list.limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	let previous: string | undefined;
	return await collectPages<IDataObject, number>({
		...where,
		limit: list.limit,
		maxPageSize: pageSize,
		// the page size collectPages offers for the last page is not used: it would shift the pages
		fetchPage: async (cursor) => {
			const pageNumber = cursor ?? 1;
			const response = await apiRequest<unknown>(ctx, zaiaProfile, {
				method: 'GET',
				path: list.path,
				qs: { ...list.qs, pageNumber, pageSize },
				arrayFormat: 'repeat',
				itemIndex,
			});
			const body = response.body;
			if (!Array.isArray(body))
				throw pagingError(where, 'the answer holds no list (expected a JSON array)');
			const items = body as IDataObject[];
			const ids = JSON.stringify(items.map((item) => item.id ?? item));
			if (items.length > 0 && ids === previous)
				throw pagingError(
					where,
					`page ${pageNumber} repeats the page before it (the API seems to ignore "pageNumber")`,
				);
			previous = ids;
			return { items, next: items.length < pageSize ? null : pageNumber + 1 };
		},
	});
}
