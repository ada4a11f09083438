import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../common/descriptions';

/** Parameters several ClickUp Chat operations share, defined once. */

export const workspaceIdProperty: INodeProperties = {
	displayName: 'Workspace',
	name: 'workspaceId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		"The ClickUp Workspace the channel or Direct Message belongs to. By ID takes the number in your Workspace's address, e.g. 9012345678 in app.clickup.com/9012345678/home.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'getWorkspaces', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '9012345678',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[0-9]+\\s*$',
						errorMessage: 'A Workspace ID is a number, e.g. 9012345678',
					},
				},
			],
		},
	],
};

/** The channel picker: the Workspace's channels and DMs (searchable, paged), or an ID. */
export const channelIdProperty: INodeProperties = {
	displayName: 'Channel',
	name: 'channelId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The channel or Direct Message. From List shows those of the Workspace above. After a Channel → Create Direct Message step, pick By ID and drag its ID field here.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'getChannels', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '8cdu1c36f031841e',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^[^/\\\\]*[^/\\\\\\s][^/\\\\]*$',
						errorMessage: 'A channel ID has no slash or backslash, e.g. 8cdu1c36f031841e',
					},
				},
			],
		},
	],
};

/** How ClickUp writes (or reads) a text field: the two content formats of API v3. */
export const contentFormatOptions = [
	{ name: 'Markdown', value: 'text/md' },
	{ name: 'Plain Text', value: 'text/plain' },
];

/** The format ClickUp writes message content in, for the read operations. */
export const contentFormatProperty: INodeProperties = {
	displayName: 'Content Format',
	name: 'contentFormat',
	type: 'options',
	options: contentFormatOptions,
	default: 'text/md',
	description: 'Format of the message content in the output (ClickUp default: Markdown)',
};

/** The channel reads' Additional Fields (Get, Get Many): the format of a channel's description. */
export const channelReadFields: INodeProperties = additionalFieldsCollection([
	{
		displayName: 'Description Format',
		name: 'descriptionFormat',
		type: 'options',
		options: contentFormatOptions,
		default: 'text/md',
		description: "Format of the channel's description in the output (ClickUp default: Markdown)",
	},
]);
