import type { IDataObject, INode } from 'n8n-workflow';

import { collectPages, pagingError } from '../../common/paging';

/**
 * GET /chats paging. Gravity Rail's docs name the endpoint ("List all chats") but say nothing
 * about its paging or its answer, so this is a guess (Extra Query Parameters (JSON) is the way
 * around): the node sends `limit` and `offset` (records to skip), reads the chats from a bare
 * JSON array or from an object's `chats`, `items`, `data` or `results`, and stops at the first
 * page shorter than it asked for. A page holding only chats already seen (an API that ignores
 * `offset`) stops with an error instead of looping.
 */

/** The most chats the node asks for per page (a guess: the docs give no bound). */
export const CHAT_PAGE_SIZE = 100;

const LIST_KEYS = ['chats', 'items', 'data', 'results'] as const;

/** The chat records of one answer, whatever the wrapper. */
export function chatsOfPage(body: unknown): IDataObject[] | undefined {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object') {
		for (const key of LIST_KEYS) {
			const value = (body as IDataObject)[key];
			if (Array.isArray(value)) return value as IDataObject[];
		}
	}
	return undefined;
}

function recordKey(chat: IDataObject): string {
	return chat.id !== undefined ? `id:${String(chat.id)}` : JSON.stringify(chat);
}

export interface ChatListOptions {
	node: INode;
	itemIndex: number;
	limit: number | undefined;
	/** One request: the chats at this offset, at most pageSize of them. */
	fetchPage(offset: number, pageSize: number): Promise<unknown>;
}

export async function collectChats(opts: ChatListOptions): Promise<IDataObject[]> {
	const seen = new Set<string>();
	const where = { node: opts.node, itemIndex: opts.itemIndex, providerName: 'Gravity Rail' };
	return await collectPages<IDataObject, number>({
		...where,
		limit: opts.limit,
		maxPageSize: CHAT_PAGE_SIZE,
		fetchPage: async (cursor, pageSize) => {
			const offset = cursor ?? 0;
			const body = await opts.fetchPage(offset, pageSize);
			const chats = chatsOfPage(body);
			if (!chats)
				throw pagingError(
					where,
					'the answer holds no list of chats (expected a JSON array, or one under "chats", "items", "data" or "results")',
				);
			const fresh = chats.filter((chat) => !seen.has(recordKey(chat)));
			if (chats.length > 0 && fresh.length === 0)
				throw pagingError(
					where,
					`the page at offset ${offset} repeats chats already read (the API seems to ignore "offset")`,
				);
			for (const chat of chats) seen.add(recordKey(chat));
			return { items: chats, next: chats.length < pageSize ? null : offset + chats.length };
		},
	});
}
