import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit } from '../../../common/paging';
import { optionalText } from '../../../common/validate';
import { listByPageNumber } from '../../helpers/lists';
import { listProperties } from '../common.descriptions';

export const properties: INodeProperties[] = listProperties([
	{
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		default: '',
		placeholder: 'pricing',
		description: 'Only annotations whose question or answer contains this text',
	},
]);

export const operation: ItemOperation<{ limit: number | undefined; keyword?: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		return { limit: readLimit(this, i), keyword: optionalText(filters.keyword) };
	},

	async execute(this: IExecuteFunctions, i, { limit, keyword }) {
		return await listByPageNumber(this, i, {
			path: '/apps/annotations',
			qs: { keyword },
			limit,
			end: 'hasMore',
		});
	},
};
