import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { readMessageBody } from '../../helpers/messageBody';
import { chatPath, readChannelId, readWorkspaceId } from '../../helpers/parameters';
import { clickUpProfile } from '../../transport';
import {
	channelIdProperty,
	messageBodyProperties,
	workspaceIdProperty,
} from '../common.descriptions';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	{
		...channelIdProperty,
		description:
			'The channel or Direct Message to post in. After a Create Direct Message step, pick By ID and drag in the ID field of its output.',
	},
	...messageBodyProperties('message'),
];

interface Prepared {
	workspaceId: number;
	channelId: string;
	body: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return {
			workspaceId: readWorkspaceId(this, i),
			channelId: readChannelId(this, i),
			body: readMessageBody(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { workspaceId, channelId, body }) {
		const response = await apiRequest<IDataObject>(this, clickUpProfile, {
			method: 'POST',
			path: chatPath(workspaceId, 'channels', channelId, 'messages'),
			body,
			itemIndex: i,
		});
		return response.body;
	},
};
