import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { difyProfile } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { forOperation } from '../node.type';

export const description: INodeProperties[] = forOperation('app', 'getInfo', [optionsCollection()]);

export const getInfo: ItemOperation<undefined> = {
	async prepare() {
		return undefined;
	},

	async execute(this: IExecuteFunctions, i) {
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'GET',
			path: '/info',
			itemIndex: i,
		});
		return response.body;
	},
};
