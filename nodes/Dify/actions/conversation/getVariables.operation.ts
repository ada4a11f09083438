import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit } from '../../../common/paging';
import { optionalText, requireString } from '../../../common/validate';
import { listByCursor } from '../../helpers/lists';
import { PATH_IDS, readPathId, readUser } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { conversationIdProperty, listProperties, userProperty } from '../common.descriptions';

export const MAX_VARIABLE_NAME_LENGTH = 255;

export const properties: INodeProperties[] = [
	conversationIdProperty,
	userProperty,
	...listProperties([
		{
			displayName: 'Variable Name',
			name: 'variableName',
			type: 'string',
			default: '',
			placeholder: 'user_preference',
			description: 'Only the variable with this name',
		},
	]),
];

interface Prepared {
	conversationId: string;
	user: string;
	variableName: string | undefined;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const variableName = optionalText(filters.variableName);
		if (variableName !== undefined)
			requireString(this.getNode(), i, 'Variable Name', variableName, {
				max: MAX_VARIABLE_NAME_LENGTH,
			});
		return {
			conversationId: readPathId(this, i, PATH_IDS.conversation),
			user: readUser(this, i),
			variableName,
			limit: readLimit(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { conversationId, user, variableName, limit }) {
		return await listByCursor(this, i, {
			path: difyPaths.conversationVariables(conversationId),
			qs: { user, variable_name: variableName },
			limit,
			cursor: 'last_id',
		});
	},
};
