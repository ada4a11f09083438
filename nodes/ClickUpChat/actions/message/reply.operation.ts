import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { readMessageBody } from '../../helpers/messageBody';
import { chatPath, readMessageId, readWorkspaceId } from '../../helpers/parameters';
import { clickUpProfile } from '../../transport';
import { messageBodyProperties, workspaceIdProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '80160000123456',
		description:
			'The message to reply to (its thread). After a Message → Create or Get Many step, drag in the ID field of its output.',
	},
	...messageBodyProperties('reply'),
];

interface Prepared {
	workspaceId: number;
	messageId: string;
	body: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return {
			workspaceId: readWorkspaceId(this, i),
			messageId: readMessageId(this, i),
			body: readMessageBody(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { workspaceId, messageId, body }) {
		const response = await apiRequest<IDataObject>(this, clickUpProfile, {
			method: 'POST',
			path: chatPath(workspaceId, 'messages', messageId, 'replies'),
			body,
			itemIndex: i,
		});
		return response.body;
	},
};
