import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { chatPath, readChannelId, readWorkspaceId } from '../../helpers/parameters';
import { clickUpProfile } from '../../transport';
import {
	channelIdProperty,
	descriptionFormatProperty,
	workspaceIdProperty,
} from '../common.descriptions';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	channelIdProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [descriptionFormatProperty],
	},
];

interface Prepared {
	workspaceId: number;
	channelId: string;
	qs: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (extra.descriptionFormat) qs.description_format = extra.descriptionFormat;
		return { workspaceId: readWorkspaceId(this, i), channelId: readChannelId(this, i), qs };
	},

	async execute(this: IExecuteFunctions, i, { workspaceId, channelId, qs }) {
		const response = await apiRequest<{ data: IDataObject }>(this, clickUpProfile, {
			method: 'GET',
			path: chatPath(workspaceId, 'channels', channelId),
			qs,
			itemIndex: i,
		});
		return response.body.data;
	},
};
