import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';

import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import type { ChatList } from '../../helpers/paging';
import { listChatRecords } from '../../helpers/paging';
import { chatPath, readChannelId, readWorkspaceId } from '../../helpers/parameters';
import {
	channelIdProperty,
	contentFormatProperty,
	workspaceIdProperty,
} from '../common.descriptions';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	channelIdProperty,
	...returnAllProperties(),
	additionalFieldsCollection([contentFormatProperty]),
];

interface Prepared {
	list: ChatList;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (extra.contentFormat) qs.content_format = extra.contentFormat;
		const path = chatPath(readWorkspaceId(this, i), 'channels', readChannelId(this, i), 'messages');
		return { list: { path, qs }, limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { list, limit }) {
		return await listChatRecords(this, i, list, limit);
	},
};
