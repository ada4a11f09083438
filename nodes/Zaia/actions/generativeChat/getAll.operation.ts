import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { collectPages, pagingError, readLimit, returnAllProperties } from '../../../common/paging';
import { apiRequest } from '../../../common/transport';
import { parseList } from '../../../common/validate';
import { zaiaAgentProfile } from '../../transport';
import { readZaiaId } from './shared';

/**
 * The most chats the node asks for in one request. The reference shows `limit` (10 in its example)
 * without a maximum; a smaller page Zaia answers is fine, the next offset counts what came.
 */
export const PAGE_SIZE = 100;
const PATH = '/v1.1/api/external-generative-chat/retrieve-multiple';

export const properties: INodeProperties[] = [
	...returnAllProperties(),
	filtersCollection([
		{
			displayName: 'Agent IDs',
			name: 'agentIds',
			type: 'string',
			default: '',
			placeholder: '20733, 456',
			description:
				'Only chats of these agents: their numbers, comma-separated, or an array from an expression',
		},
	]),
];

interface Prepared {
	qs: IDataObject;
	limit: number | undefined;
}

interface ChatsPage {
	externalGenerativeChats?: unknown;
	hasNextPage?: unknown;
	totalCount?: unknown;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const agentIds = parseList(node, i, 'Agent IDs', filters.agentIds, { unique: true }).map(
			(entry) => readZaiaId(node, i, 'Agent IDs', entry),
		);
		const qs: IDataObject = {};
		// the reference's example sends them comma-separated: agentIds=456,3218
		if (agentIds.length) qs.agentIds = agentIds.join(',');
		return { qs, limit: readLimit(this, i) };
	},

	/**
	 * Pages by `limit` and `offset`, taken as the number of chats to skip (the reference names both
	 * without saying more), while Zaia answers `hasNextPage: true`. When Return All ends with fewer
	 * chats than Zaia's `totalCount`, the execution shows a warning: the offset may mean something else.
	 */
	async execute(this: IExecuteFunctions, i, { qs, limit }) {
		const where = { node: this.getNode(), itemIndex: i, providerName: zaiaAgentProfile.name };
		let total: number | undefined;
		const chats = await collectPages<IDataObject, number>({
			...where,
			limit,
			maxPageSize: PAGE_SIZE,
			fetchPage: async (cursor, pageSize) => {
				const offset = cursor ?? 0;
				const response = await apiRequest<ChatsPage>(this, zaiaAgentProfile, {
					method: 'GET',
					path: PATH,
					qs: { ...qs, limit: pageSize, offset },
					itemIndex: i,
				});
				const page = (response.body ?? {}) as ChatsPage;
				if (!Array.isArray(page.externalGenerativeChats))
					throw pagingError(where, 'the answer holds no externalGenerativeChats list');
				const items = page.externalGenerativeChats as IDataObject[];
				if (typeof page.totalCount === 'number') total = page.totalCount;
				const more =
					page.hasNextPage === true || (page.hasNextPage === undefined && items.length >= pageSize);
				return { items, next: more ? offset + items.length : null };
			},
		});
		if (limit === undefined && total !== undefined && chats.length < total) {
			this.addExecutionHints?.({
				message: `Zaia counts ${total} chats but paging by offset returned ${chats.length} of them. Narrow the list with Filters → Agent IDs.`,
				type: 'warning',
				location: 'outputPane',
			});
		}
		return chats.map((chat) => ({ json: chat }));
	},
};
