import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { collectPages } from '../../common/paging';
import { apiRequest } from '../../common/transport';
import { clickUpProfile } from '../transport';

/** ClickUp v3 list pages: `{ next_cursor, data: [...] }`, at most 100 records a page. */
interface ChatPage {
	next_cursor?: string | null;
	data?: IDataObject[];
}

export const MAX_CHAT_PAGE_SIZE = 100;

/**
 * Every record of a v3 Chat list (or up to `limit`), following `next_cursor` through common's
 * bounded paging loop. `limit` undefined means Return All.
 */
export async function listChatRecords(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: { path: string; qs: IDataObject; arrayFormat?: IHttpRequestOptions['arrayFormat'] },
	limit: number | undefined,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, string>({
		node: ctx.getNode(),
		itemIndex,
		providerName: clickUpProfile.name,
		limit,
		maxPageSize: MAX_CHAT_PAGE_SIZE,
		fetchPage: async (cursor, pageSize) => {
			const response = await apiRequest<ChatPage>(ctx, clickUpProfile, {
				method: 'GET',
				path: request.path,
				qs: { ...request.qs, limit: pageSize, ...(cursor ? { cursor } : {}) },
				arrayFormat: request.arrayFormat,
				itemIndex,
			});
			const body = response.body ?? {};
			return {
				items: Array.isArray(body.data) ? body.data : [],
				next: typeof body.next_cursor === 'string' ? body.next_cursor : undefined,
			};
		},
	});
}
