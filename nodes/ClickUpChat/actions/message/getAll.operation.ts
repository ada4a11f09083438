import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { listChatRecords } from '../../helpers/paging';
import { chatPath, readChannelId, readWorkspaceId } from '../../helpers/parameters';
import {
	channelIdProperty,
	contentFormatProperty,
	workspaceIdProperty,
} from '../common.descriptions';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	{
		...channelIdProperty,
		description:
			'The channel or Direct Message to read. After a Create Direct Message step, pick By ID and drag in the ID field of its output.',
	},
	...returnAllProperties(),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [contentFormatProperty],
	},
];

interface Prepared {
	workspaceId: number;
	channelId: string;
	qs: IDataObject;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (extra.contentFormat) qs.content_format = extra.contentFormat;
		return {
			workspaceId: readWorkspaceId(this, i),
			channelId: readChannelId(this, i),
			qs,
			limit: readLimit(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { workspaceId, channelId, qs, limit }) {
		return await listChatRecords(
			this,
			i,
			{ path: chatPath(workspaceId, 'channels', channelId, 'messages'), qs },
			limit,
		);
	},
};
