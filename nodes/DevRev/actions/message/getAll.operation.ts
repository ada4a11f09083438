import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { collectPages, readLimit, returnAllProperties } from '../../../common/paging';
import { apiRequest } from '../../../common/transport';
import { parseList } from '../../../common/validate';
import { requireObjectId } from '../../helpers/ids';
import { TIMELINE_PAGE_SIZE } from '../../helpers/limits';
import { VISIBILITIES, visibilityOptions } from '../../helpers/visibility';
import { devRevProfile } from '../../transport';
import { chatIdProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	{
		...chatIdProperty,
		description:
			'The chat (DM) whose messages to read: its DevRev ID. After a Chat → Create or Get step, drag its chat → ID field here.',
	},
	...returnAllProperties(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Visibility',
				name: 'visibility',
				type: 'multiOptions',
				options: visibilityOptions,
				default: [],
				description:
					'Only messages with exactly one of these visibilities (a strict filter, sent as visibility)',
			},
		],
	},
];

interface Prepared {
	object: string;
	limit: number | undefined;
	visibility: string[];
}

interface TimelinePage {
	timeline_entries?: IDataObject[];
	next_cursor?: string;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const object = requireObjectId(node, i, 'Chat ID', this.getNodeParameter('chatId', i, ''));
		const limit = readLimit(this, i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const visibility = parseList(node, i, 'Visibility', filters.visibility, {
			unique: true,
			each: (entry) =>
				(VISIBILITIES as readonly string[]).includes(entry)
					? undefined
					: `is not one of ${VISIBILITIES.join(', ')}`,
		});
		return { object, limit, visibility };
	},

	async execute(this: IExecuteFunctions, i, { object, limit, visibility }) {
		const entries = await collectPages<IDataObject, string>({
			node: this.getNode(),
			itemIndex: i,
			providerName: devRevProfile.name,
			limit,
			maxPageSize: TIMELINE_PAGE_SIZE,
			fetchPage: async (cursor, pageSize) => {
				const { body } = await apiRequest<TimelinePage>(this, devRevProfile, {
					method: 'GET',
					path: '/timeline-entries.list',
					qs: {
						object,
						limit: pageSize,
						...(cursor ? { cursor } : {}),
						...(visibility.length > 0 ? { visibility: visibility.join(',') } : {}),
					},
					itemIndex: i,
				});
				return {
					items: Array.isArray(body?.timeline_entries) ? body.timeline_entries : [],
					next: body?.next_cursor,
				};
			},
		});
		return entries;
	},
};
