import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readEpochMs } from '../../../common/datetime';
import { additionalQueryParametersProperty, filtersCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { parseList, readAdditionalJson } from '../../../common/validate';
import type { ChatList } from '../../chat/paging';
import { listChatRecords } from '../../chat/paging';
import { readWorkspaceId } from '../../helpers/parameters';
import { chatPath } from '../../chat/paths';
import { channelReadFields, workspaceIdProperty } from '../common.descriptions';

/** The room types ClickUp's Channel objects carry (ChatRoomType). */
const CHANNEL_TYPES = ['CHANNEL', 'DM', 'GROUP_DM'];

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	...returnAllProperties(),
	filtersCollection([
		{
			displayName: 'Channel Types',
			name: 'channelTypes',
			type: 'multiOptions',
			options: [
				{ name: 'Channel', value: 'CHANNEL' },
				{ name: 'Direct Message', value: 'DM' },
				{ name: 'Group Direct Message', value: 'GROUP_DM' },
			],
			default: [],
			description:
				'Only these kinds of channel. If ClickUp still returns other kinds, see Extra Query Parameters (JSON) below.',
		},
		{
			displayName: 'Include Closed',
			name: 'includeClosed',
			type: 'boolean',
			default: false,
			description: 'Whether to include DMs and Group DMs that have been explicitly closed',
		},
		{
			displayName: 'Is Follower',
			name: 'isFollower',
			type: 'boolean',
			default: false,
			description: 'Whether to return only channels you follow',
		},
		{
			displayName: 'With Message Since',
			name: 'withMessageSince',
			type: 'dateTime',
			default: '',
			description:
				"Only channels with at least one message since this time. Read in the workflow's time zone unless it has an offset; Unix epoch milliseconds also work.",
		},
	]),
	channelReadFields,
	{
		...additionalQueryParametersProperty,
		placeholder: '{"channel_types": "CHANNEL,DM"}',
		description:
			'Query parameters to send as well, as a JSON object; they win over the fields above, and arrays become repeated parameters. The node sends Channel Types as channel_types=CHANNEL&channel_types=DM. If your Workspace expects another form, set it here, e.g. {"channel_types": "CHANNEL,DM"}.',
	},
];

interface Prepared {
	list: ChatList;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const qs: IDataObject = {};
		const types = parseList(node, i, 'Channel Types', filters.channelTypes, {
			unique: true,
			each: (entry) =>
				CHANNEL_TYPES.includes(entry) ? undefined : `is not one of ${CHANNEL_TYPES.join(', ')}`,
		});
		if (types.length) qs.channel_types = types;
		if (extra.descriptionFormat) qs.description_format = extra.descriptionFormat;
		if (filters.includeClosed === true) qs.include_closed = true;
		if (filters.isFollower === true) qs.is_follower = true;
		if (filters.withMessageSince !== undefined && filters.withMessageSince !== '')
			qs.with_message_since = readEpochMs(
				node,
				i,
				'With Message Since',
				filters.withMessageSince,
				this.getTimezone(),
			);
		Object.assign(qs, readAdditionalJson(this, i, 'additionalQueryParameters'));
		const path = chatPath(readWorkspaceId(this, i), 'channels');
		return { list: { path, qs, arrayFormat: 'repeat' }, limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { list, limit }) {
		return await listChatRecords(this, i, list, limit);
	},
};
