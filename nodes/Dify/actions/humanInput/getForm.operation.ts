import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { requireString } from '../../../common/validate';
import { difyProfile } from '../../transport';
import { formTokenProperty, optionsCollection } from '../common.descriptions';

export const properties: INodeProperties[] = [formTokenProperty, optionsCollection()];

export const operation: ItemOperation<{ formToken: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		const value = this.getNodeParameter('formToken', i, '');
		return { formToken: requireString(this.getNode(), i, 'Form Token', value).trim() };
	},
	async execute(this: IExecuteFunctions, i, { formToken }) {
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'GET',
			path: `/form/human_input/${encodeURIComponent(formToken)}`,
			itemIndex: i,
		});
		return { ...response.body, form_token: formToken };
	},
};
