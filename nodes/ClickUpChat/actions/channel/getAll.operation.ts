import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readEpochMs } from '../../../common/datetime';
import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { parseJsonObject, parseList } from '../../../common/validate';
import { listChatRecords } from '../../helpers/paging';
import { chatPath, readWorkspaceId } from '../../helpers/parameters';
import { descriptionFormatProperty, workspaceIdProperty } from '../common.descriptions';

export const CHANNEL_TYPES = ['CHANNEL', 'DM', 'GROUP_DM'] as const;

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	...returnAllProperties(),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Additional Query Parameters (JSON)',
				name: 'additionalQueryParameters',
				type: 'json',
				default: '{}',
				description:
					'Query parameters sent as they are, merged last (over the fields above): for parameters ClickUp adds later, or to send Channel Types in another form, e.g. {"channel_types": "CHANNEL,DM"}. Arrays become repeated parameters.',
			},
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
					"Only these kinds of channel. ClickUp's reference names this filter (channel_types) without saying its values: the node sends the room types ClickUp's Channel objects carry (CHANNEL, DM, GROUP_DM) as repeated query parameters, a guess; use Additional Query Parameters (JSON) to send another form.",
			},
			descriptionFormatProperty,
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
					"Only channels with at least one message since this time (read in the workflow's time zone unless it carries an offset; Unix epoch milliseconds also work)",
			},
		],
	},
];

interface Prepared {
	workspaceId: number;
	qs: IDataObject;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const qs: IDataObject = {};
		const types = parseList(node, i, 'Channel Types', extra.channelTypes, {
			unique: true,
			each: (entry) =>
				(CHANNEL_TYPES as readonly string[]).includes(entry)
					? undefined
					: `is not one of ${CHANNEL_TYPES.join(', ')}`,
		});
		if (types.length) qs.channel_types = types;
		if (extra.descriptionFormat) qs.description_format = extra.descriptionFormat;
		if (extra.includeClosed === true) qs.include_closed = true;
		if (extra.isFollower === true) qs.is_follower = true;
		if (extra.withMessageSince !== undefined && extra.withMessageSince !== '')
			qs.with_message_since = readEpochMs(
				node,
				i,
				'With Message Since',
				extra.withMessageSince,
				this.getTimezone(),
			);
		Object.assign(
			qs,
			parseJsonObject(
				node,
				i,
				'Additional Query Parameters (JSON)',
				extra.additionalQueryParameters,
			),
		);
		return { workspaceId: readWorkspaceId(this, i), qs, limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { workspaceId, qs, limit }) {
		return await listChatRecords(
			this,
			i,
			{ path: chatPath(workspaceId, 'channels'), qs, arrayFormat: 'repeat' },
			limit,
		);
	},
};
