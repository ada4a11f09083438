import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';
import { compact, parseList, requireString } from '../../../common/validate';
import { MAX_CHANNEL_USERS } from '../../chat/limits';
import {
	locationIdProperty,
	locationTypeOptions,
	userIdsProperty,
	visibilityProperty,
	workspaceIdProperty,
} from '../common.descriptions';
import { chatWriteOperation, createdChannel } from '../common.operations';

const ON_LOCATION = { show: { locationType: ['folder', 'list', 'space'] } };

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	{
		displayName: 'Location Type',
		name: 'locationType',
		type: 'options',
		options: [
			...locationTypeOptions.slice(0, 2),
			{
				name: 'None',
				value: 'none',
				description: 'A channel of the Workspace, not tied to a Space, Folder or List',
			},
			locationTypeOptions[2],
		],
		default: 'none',
		description:
			'Where the channel belongs. A Space, Folder or List has one channel: if it exists already, ClickUp returns it.',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'release-planning',
		description:
			'Name of the channel. If a channel with this name exists already, ClickUp returns it.',
		displayOptions: { show: { locationType: ['none'] } },
	},
	{ ...locationIdProperty, required: true, displayOptions: ON_LOCATION },
	additionalFieldsCollection([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'What the channel is for',
		},
		{
			displayName: 'Topic',
			name: 'topic',
			type: 'string',
			default: '',
			description: "The channel's topic, shown under its name",
		},
		userIdsProperty(
			'Up to 100 different ClickUp user IDs to add as members, comma-separated or an expression that returns an array',
		),
		{ ...visibilityProperty, description: 'Who can see the channel (ClickUp default: Public)' },
	]),
];

function readBody(ctx: IExecuteFunctions, i: number): { segments: string[]; body: IDataObject } {
	const node = ctx.getNode();
	const locationType = ctx.getNodeParameter('locationType', i, 'none') as string;
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const userIds = parseList(node, i, 'User IDs', extra.userIds, {
		max: MAX_CHANNEL_USERS,
		unique: true,
	});
	const body = compact({
		description: (extra.description as string) || undefined,
		topic: (extra.topic as string) || undefined,
		user_ids: userIds.length ? userIds : undefined,
		visibility: (extra.visibility as string) || undefined,
	});
	if (locationType === 'none') {
		const name = requireString(node, i, 'Name', ctx.getNodeParameter('name', i)).trim();
		return { segments: ['channels'], body: { name, ...body } };
	}
	const id = requireString(node, i, 'Location ID', ctx.getNodeParameter('locationId', i)).trim();
	return {
		segments: ['channels', 'location'],
		body: { location: { id, type: locationType }, ...body },
	};
}

export const operation = chatWriteOperation('POST', readBody, createdChannel);
