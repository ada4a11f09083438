import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { difyProfile } from '../../transport';
import { optionsCollection } from '../common.descriptions';

export const properties: INodeProperties[] = [optionsCollection()];

export const operation: ItemOperation<undefined> = {
	async prepare() {
		return undefined;
	},

	async execute(this: IExecuteFunctions, i) {
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'GET',
			path: '/parameters',
			itemIndex: i,
		});
		return response.body;
	},
};
