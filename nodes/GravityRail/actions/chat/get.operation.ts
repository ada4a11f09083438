import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { chatPath } from '../../helpers/ids';
import { gravityRailProfile } from '../../transport';
import { chatIdProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [chatIdProperty];

interface Prepared {
	path: string;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return { path: await chatPath(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { path }) {
		const response = await apiRequest<IDataObject>(this, gravityRailProfile, {
			method: 'GET',
			path,
			itemIndex: i,
		});
		return response.body;
	},
};
