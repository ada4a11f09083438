import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { collectPages, pagingError } from '../../common/paging';
import { apiRequest } from '../../common/transport';
import { gravityRailProfile } from '../transport';

/**
 * Paging of Gravity Rail's lists (GET /chats, GET /members). The docs name the endpoints ("List
 * all chats", "List workspace members") but say nothing about their paging or their answer, so
 * this is a guess (Extra Query Parameters (JSON) is the way around): the node sends `limit` and
 * `offset` (records to skip), reads the records from a bare JSON array or from an object's
 * `<noun>` (chats, members), `items`, `data` or `results`, and stops at the first page shorter
 * than it asked for. A page holding only records already seen (an API that ignores `offset`)
 * stops with an error instead of looping.
 */

/** The most records the node asks for per page (a guess: the docs give no bound). */
export const PAGE_SIZE = 100;

/** The records of one answer, whatever the wrapper. */
export function recordsOfPage(body: unknown, noun: string): IDataObject[] | undefined {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object') {
		for (const key of [noun, 'items', 'data', 'results']) {
			const value = (body as IDataObject)[key];
			if (Array.isArray(value)) return value as IDataObject[];
		}
	}
	return undefined;
}

function recordKey(record: IDataObject): string {
	return record.id !== undefined ? `id:${String(record.id)}` : JSON.stringify(record);
}

export interface ListOptions {
	node: INode;
	itemIndex: number;
	/** What the list holds, as its wrapper key and in messages: "chats", "members". */
	noun: string;
	limit: number | undefined;
	/** One request: the records at this offset, at most pageSize of them. */
	fetchPage(offset: number, pageSize: number): Promise<unknown>;
}

export async function collectList(opts: ListOptions): Promise<IDataObject[]> {
	const seen = new Set<string>();
	const where = { node: opts.node, itemIndex: opts.itemIndex, providerName: 'Gravity Rail' };
	const { noun } = opts;
	return await collectPages<IDataObject, number>({
		...where,
		limit: opts.limit,
		maxPageSize: PAGE_SIZE,
		fetchPage: async (cursor, pageSize) => {
			const offset = cursor ?? 0;
			const body = await opts.fetchPage(offset, pageSize);
			const records = recordsOfPage(body, noun);
			if (!records)
				throw pagingError(
					where,
					`the answer holds no list of ${noun} (expected a JSON array, or one under "${noun}", "items", "data" or "results")`,
				);
			const fresh = records.filter((record) => !seen.has(recordKey(record)));
			if (records.length > 0 && fresh.length === 0)
				throw pagingError(
					where,
					`the page at offset ${offset} repeats ${noun} already read (the API seems to ignore "offset")`,
				);
			for (const record of records) seen.add(recordKey(record));
			return { items: records, next: records.length < pageSize ? null : offset + records.length };
		},
	});
}

/** A list operation's GET of a workspace list: limit/offset, then Extra Query Parameters (JSON). */
export async function getList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	list: { path: string; noun: string; limit: number | undefined; extraQuery: IDataObject },
): Promise<IDataObject[]> {
	return await collectList({
		node: ctx.getNode(),
		itemIndex,
		noun: list.noun,
		limit: list.limit,
		fetchPage: async (offset, pageSize) => {
			const response = await apiRequest(ctx, gravityRailProfile, {
				method: 'GET',
				path: list.path,
				qs: { limit: pageSize, offset, ...list.extraQuery },
				itemIndex,
			});
			return response.body;
		},
	});
}
