import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { requireUuid } from '../../../common/validate';
import { difyProfile } from '../../transport';
import { messageIdProperty, optionsCollection, userProperty } from '../common.descriptions';
import { readUser } from '../../helpers/parameters';

export const properties: INodeProperties[] = [messageIdProperty, userProperty, optionsCollection()];

interface Prepared {
	messageId: string;
	user: string;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		return {
			messageId: requireUuid(node, i, 'Message ID', this.getNodeParameter('messageId', i, '')),
			user: readUser(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { messageId, user }) {
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'GET',
			path: `/messages/${encodeURIComponent(messageId)}/suggested`,
			qs: { user },
			itemIndex: i,
		});
		return { message_id: messageId, ...response.body };
	},
};
