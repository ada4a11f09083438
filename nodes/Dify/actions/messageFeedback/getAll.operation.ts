import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit } from '../../../common/paging';
import { listByPageNumber } from '../../helpers/lists';
import { listProperties } from '../common.descriptions';

// Dify documents no filter for this list, and its answer has no `has_more`: a short page is the last.
export const properties: INodeProperties[] = listProperties();

export const operation: ItemOperation<{ limit: number | undefined }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { limit }) {
		return await listByPageNumber(this, i, {
			path: '/app/feedbacks',
			qs: {},
			limit,
			end: 'shortPage',
		});
	},
};
