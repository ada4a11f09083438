import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalQueryParametersProperty } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { readAdditionalJson } from '../../../common/validate';
import { REACTOR_PAGE_SIZE } from '../../helpers/limits';
import { collectCursorPages } from '../../helpers/paging';
import type { Reaction } from '../common.operations';
import { readReaction } from '../common.operations';
import { reactionProperties } from '../common.descriptions';

export const properties: INodeProperties[] = [
	...reactionProperties,
	...returnAllProperties(),
	{
		...additionalQueryParametersProperty,
		placeholder: '{"limit": 100}',
		description:
			'Query parameters to send as well, as a JSON object; they win over the fields above. The node reads 50 users a page. If your DevRev allows larger pages, set one here, e.g. {"limit": 100}.',
	},
];

interface Prepared extends Reaction {
	limit: number | undefined;
	extra: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return {
			...readReaction(this, i),
			limit: readLimit(this, i),
			extra: readAdditionalJson(this, i, 'additionalQueryParameters'),
		};
	},

	async execute(this: IExecuteFunctions, i, { object, emoji, limit, extra }) {
		return await collectCursorPages(this, i, {
			path: '/reactions.list',
			listKey: 'reactors',
			qs: { object, emoji },
			extra,
			limit,
			pageSize: REACTOR_PAGE_SIZE,
		});
	},
};
