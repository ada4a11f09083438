import type { INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	additionalFieldsCollection,
} from '../../common/descriptions';

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
		'The channel or Direct Message. From List shows those of the Workspace above. After a Channel → Create or Create Direct Message step, pick By ID and drag its ID field here.',
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

/**
 * The message an operation acts on; `what` says which message and what happens to it, `from` the
 * steps whose output holds its ID.
 */
export function messageIdProperty(
	what: string,
	from = 'Message → Send, Reply, Get Many or Get Replies',
): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '80160000123456',
		description: [what, `After a ${from} step, drag its ID field here.`].join(' '),
	};
}

/** The emoji a reaction uses, by its name. */
export const reactionProperty: INodeProperties = {
	displayName: 'Reaction',
	name: 'reaction',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'thumbsup',
	description: "The emoji's name in lower case, e.g. thumbsup, heart or tada",
};

/** Public or private: who can find and join a channel. */
export const visibilityProperty: INodeProperties = {
	displayName: 'Visibility',
	name: 'visibility',
	type: 'options',
	options: [
		{ name: 'Private', value: 'PRIVATE', description: 'Only invited members can see the channel' },
		{
			name: 'Public',
			value: 'PUBLIC',
			description: 'Everyone in the Workspace can find the channel',
		},
	],
	default: 'PUBLIC',
	description: 'Who can see the channel',
};

/** The kinds of location a channel can belong to (ChatChannelLocation.type). */
export const locationTypeOptions = [
	{ name: 'Folder', value: 'folder' },
	{ name: 'List', value: 'list' },
	{ name: 'Space', value: 'space' },
];

/** The Space, Folder or List a channel belongs to, by its ID. */
export const locationIdProperty: INodeProperties = {
	displayName: 'Location ID',
	name: 'locationId',
	type: 'string',
	default: '',
	placeholder: '90120000456',
	description:
		"The ID of the Space, Folder or List. It is the number in the location's address in ClickUp, or the ID a step of n8n's ClickUp node outputs.",
};

/** Up to `max` ClickUp user IDs; `description` says what they are for. */
export function userIdsProperty(description: string): INodeProperties {
	return {
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: '183, 4560123',
		description,
	};
}

/** An Update's Extra Body Fields (JSON): for a change ClickUp accepts that Update Fields lack. */
export const updateExtraBodyProperty: INodeProperties = {
	...additionalBodyFieldsProperty,
	description:
		'Fields to send in the request body as well, as a JSON object; they win over the fields above. Use it for a change ClickUp accepts that the fields above do not offer.',
};
