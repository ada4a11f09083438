import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { PATH_IDS, readPathId, readUser } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { difyProfile } from '../../transport';
import { messageIdProperty, optionsCollection, userProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [messageIdProperty, userProperty, optionsCollection()];

export const operation: ItemOperation<{ messageId: string; user: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { messageId: readPathId(this, i, PATH_IDS.message), user: readUser(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { messageId, user }) {
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'GET',
			path: difyPaths.suggestedQuestions(messageId),
			qs: { user },
			itemIndex: i,
		});
		return { message_id: messageId, ...response.body };
	},
};
