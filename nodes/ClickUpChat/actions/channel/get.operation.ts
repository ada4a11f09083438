import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { readChannelId, readWorkspaceId } from '../../helpers/parameters';
import { chatPath } from '../../chat/paths';
import { clickUpProfile } from '../../transport';
import { channelIdProperty, channelReadFields, workspaceIdProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	channelIdProperty,
	channelReadFields,
];

export const operation: ItemOperation<{ path: string; qs: IDataObject }> = {
	async prepare(this: IExecuteFunctions, i) {
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (extra.descriptionFormat) qs.description_format = extra.descriptionFormat;
		return { path: chatPath(readWorkspaceId(this, i), 'channels', readChannelId(this, i)), qs };
	},

	async execute(this: IExecuteFunctions, i, { path, qs }) {
		const response = await apiRequest<{ data: IDataObject }>(this, clickUpProfile, {
			method: 'GET',
			path,
			qs,
			itemIndex: i,
		});
		return response.body.data;
	},
};
