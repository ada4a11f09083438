import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { listByPageNumber } from '../../helpers/lists';
import { optionsCollection } from '../common.descriptions';
import { forOperation } from '../node.type';

export const description: INodeProperties[] = forOperation('messageFeedback', 'getMany', [
	...returnAllProperties(),
	optionsCollection(),
]);

interface Prepared {
	limit: number | undefined;
}

export const getMany: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return { limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { limit }) {
		return await listByPageNumber(this, i, { path: '/app/feedbacks', qs: {}, limit });
	},
};
