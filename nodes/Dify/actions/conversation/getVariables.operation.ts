import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { optionalText, requireString } from '../../../common/validate';
import { listAfterLastId } from '../../helpers/lists';
import { conversationIdProperty, optionsCollection, userProperty } from '../common.descriptions';
import { readConversationId, readUser } from '../../helpers/parameters';

export const MAX_VARIABLE_NAME_LENGTH = 255;

export const properties: INodeProperties[] = [
	conversationIdProperty,
	userProperty,
	...returnAllProperties(),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Variable Name',
				name: 'variableName',
				type: 'string',
				default: '',
				placeholder: 'user_preference',
				description: 'Only the variable with this name (variable_name)',
			},
		],
	},
	optionsCollection(),
];

interface Prepared {
	conversationId: string;
	user: string;
	variableName: string | undefined;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const variableName = optionalText(additional.variableName);
		if (variableName !== undefined)
			requireString(node, i, 'Variable Name', variableName, { max: MAX_VARIABLE_NAME_LENGTH });
		return {
			conversationId: readConversationId(this, i),
			user: readUser(this, i),
			variableName,
			limit: readLimit(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { conversationId, user, variableName, limit }) {
		return await listAfterLastId(this, i, {
			path: `/conversations/${encodeURIComponent(conversationId)}/variables`,
			qs: { user, variable_name: variableName },
			limit,
		});
	},
};
