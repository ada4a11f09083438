import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readEpochMs } from '../../../common/datetime';
import { filtersCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { isUuid, parseList } from '../../../common/validate';
import { collectNumberedPages } from '../common.operations';
import { UUID_PLACEHOLDER } from '../common.descriptions';

/** The channel types GET /api/v1/chats filters by (the reference's enum). */
const CHANNEL_TYPES = ['api', 'instagram', 'waha', 'whatsapp', 'widget'] as const;

function uuidList(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder: `${UUID_PLACEHOLDER}, 9b2d...`,
		description,
	};
}

export const properties: INodeProperties[] = [
	...returnAllProperties(),
	filtersCollection([
		uuidList(
			'Channel IDs',
			'channelIds',
			'Only chats of these channels: UUIDs, comma-separated, or an array from an expression',
		),
		{
			displayName: 'Channel Types',
			name: 'channelTypes',
			type: 'multiOptions',
			options: [
				{ name: 'API', value: 'api' },
				{ name: 'Instagram', value: 'instagram' },
				{ name: 'WAHA (WhatsApp)', value: 'waha' },
				{ name: 'WhatsApp', value: 'whatsapp' },
				{ name: 'Widget', value: 'widget' },
			],
			default: [],
			description: 'Only chats on these kinds of channel. Left empty, chats of every kind.',
		},
		{
			displayName: 'Last Message After',
			name: 'lastChatMessageCreatedAtStart',
			type: 'dateTime',
			default: '',
			description:
				"Only chats whose last message came at or after this time (in the workflow's time zone)",
		},
		{
			displayName: 'Last Message Before',
			name: 'lastChatMessageCreatedAtEnd',
			type: 'dateTime',
			default: '',
			description:
				"Only chats whose last message came at or before this time (in the workflow's time zone)",
		},
		uuidList(
			'Owner IDs',
			'ownerIds',
			'Only chats owned by these agents or users: UUIDs, comma-separated, or an array from an expression',
		),
	]),
];

interface Prepared {
	qs: IDataObject;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const uuids = (label: string, value: unknown) =>
			parseList(node, i, label, value, {
				unique: true,
				each: (entry) => (isUuid(entry) ? undefined : 'is not a UUID'),
			});
		const channelTypes = parseList(node, i, 'Channel Types', filters.channelTypes, {
			unique: true,
			each: (entry) =>
				(CHANNEL_TYPES as readonly string[]).includes(entry)
					? undefined
					: `is not one of ${CHANNEL_TYPES.join(', ')}`,
		});
		const date = (label: string, value: unknown) =>
			value === undefined || value === '' || value === null
				? undefined
				: new Date(readEpochMs(node, i, label, value, this.getTimezone())).toISOString();
		const qs: IDataObject = {};
		const channelIds = uuids('Channel IDs', filters.channelIds);
		const ownerIds = uuids('Owner IDs', filters.ownerIds);
		if (channelIds.length) qs.channelIds = channelIds;
		if (channelTypes.length) qs.channelTypes = channelTypes;
		const start = date('Last Message After', filters.lastChatMessageCreatedAtStart);
		const end = date('Last Message Before', filters.lastChatMessageCreatedAtEnd);
		if (start) qs.lastChatMessageCreatedAtStart = start;
		if (end) qs.lastChatMessageCreatedAtEnd = end;
		if (ownerIds.length) qs.ownerIds = ownerIds;
		return { qs, limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { qs, limit }) {
		const chats = await collectNumberedPages(this, i, { path: '/api/v1/chats', qs, limit });
		return chats.map((chat) => ({ json: chat }));
	},
};
