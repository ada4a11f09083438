import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { listByPageNumber } from '../../helpers/lists';
import { optionsCollection } from '../common.descriptions';

export const properties: INodeProperties[] = [...returnAllProperties(), optionsCollection()];

interface Prepared {
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return { limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { limit }) {
		return await listByPageNumber(this, i, { path: '/app/feedbacks', qs: {}, limit });
	},
};
