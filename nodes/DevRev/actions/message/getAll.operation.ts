import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalQueryParametersProperty, filtersCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { parseList, readAdditionalJson } from '../../../common/validate';
import { TIMELINE_PAGE_SIZE } from '../../helpers/limits';
import { readTimelineObject } from '../../helpers/parameters';
import { VISIBILITIES, visibilityOptions } from '../../helpers/visibility';
import { collectCursorPages } from '../../helpers/paging';
import { timelineParentProperties } from '../common.descriptions';

export const properties: INodeProperties[] = [
	...timelineParentProperties(
		"Whose messages to read: a chat's (such as a DM) or a conversation's",
	),
	...returnAllProperties(),
	filtersCollection([
		{
			displayName: 'Visibility',
			name: 'visibility',
			type: 'multiOptions',
			options: visibilityOptions,
			default: [],
			description: 'Only messages with one of these visibilities',
		},
	]),
	{
		...additionalQueryParametersProperty,
		placeholder: '{"limit": 100}',
		description:
			'Query parameters to send as well, as a JSON object; they win over the fields above. The node reads 50 messages a page, DevRev\'s default. If your DevRev allows larger pages, set one here, e.g. {"limit": 100}.',
	},
];

interface Prepared {
	qs: IDataObject;
	limit: number | undefined;
	/** Extra Query Parameters (JSON), merged over every page's query. */
	extra: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const object = readTimelineObject(this, i);
		const limit = readLimit(this, i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const visibility = parseList(node, i, 'Visibility', filters.visibility, {
			unique: true,
			each: (entry) =>
				(VISIBILITIES as readonly string[]).includes(entry)
					? undefined
					: `is not one of ${VISIBILITIES.join(', ')}`,
		});
		const qs = {
			object,
			...(visibility.length > 0 ? { visibility: visibility.join(',') } : {}),
		};
		return { qs, limit, extra: readAdditionalJson(this, i, 'additionalQueryParameters') };
	},

	async execute(this: IExecuteFunctions, i, { qs, limit, extra }) {
		return await collectCursorPages(this, i, {
			path: '/timeline-entries.list',
			listKey: 'timeline_entries',
			qs,
			extra,
			limit,
			pageSize: TIMELINE_PAGE_SIZE,
		});
	},
};
