import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Page } from '../../common/paging';
import { collectPages } from '../../common/paging';
import type { RequestContext } from '../../common/transport';
import { apiRequest } from '../../common/transport';
import { clickUpProfile } from '../transport';
import { MAX_CHAT_PAGE_SIZE } from './limits';

/** A v3 Chat list (channels, messages, replies, users, reactions): its path and query, without the paging fields. */
export interface ChatList {
	path: string;
	qs: IDataObject;
	arrayFormat?: IHttpRequestOptions['arrayFormat'];
}

/** One page of a v3 Chat list: `{ next_cursor, data: [...] }` (the last page's cursor is empty). */
export async function fetchChatPage(
	ctx: RequestContext,
	list: ChatList,
	cursor: string | undefined,
	pageSize: number,
	itemIndex?: number,
): Promise<Page<IDataObject, string>> {
	const response = await apiRequest<{ next_cursor?: string | null; data?: IDataObject[] }>(
		ctx,
		clickUpProfile,
		{
			method: 'GET',
			path: list.path,
			qs: { ...list.qs, limit: pageSize, ...(cursor ? { cursor } : {}) },
			arrayFormat: list.arrayFormat,
			itemIndex,
		},
	);
	const body = response.body ?? {};
	return {
		items: Array.isArray(body.data) ? body.data : [],
		next:
			typeof body.next_cursor === 'string' && body.next_cursor !== ''
				? body.next_cursor
				: undefined,
	};
}

/** Every record of a v3 Chat list, or up to `limit` (undefined: Return All), through common's bounded paging. */
export async function listChatRecords(
	ctx: IExecuteFunctions,
	itemIndex: number,
	list: ChatList,
	limit: number | undefined,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, string>({
		node: ctx.getNode(),
		itemIndex,
		providerName: clickUpProfile.name,
		limit,
		maxPageSize: MAX_CHAT_PAGE_SIZE,
		fetchPage: async (cursor, pageSize) =>
			await fetchChatPage(ctx, list, cursor, pageSize, itemIndex),
	});
}
