import type { INodeProperties } from 'n8n-workflow';

/** Parameters several ClickUp Chat operations share, defined once. */

export const workspaceIdProperty: INodeProperties = {
	displayName: 'Workspace',
	name: 'workspaceId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The ClickUp Workspace the channel or Direct Message belongs to',
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
		'The channel or Direct Message. From List shows the channels and DMs of the Workspace picked above; By ID takes an ID, for example the ID field a Create Direct Message step outputs (drag it in).',
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
						regex: '^\\s*[A-Za-z0-9_-]+\\s*$',
						errorMessage: 'A channel ID has letters, digits, - and _ only, e.g. 8cdu1c36f031841e',
					},
				},
			],
		},
	],
};

export const MAX_CONTENT_LENGTH = 40000;
export const MAX_FOLLOWERS = 10;
export const MAX_POST_TITLE_LENGTH = 255;

const contentFormatOptions = [
	{ name: 'Markdown', value: 'text/md' },
	{ name: 'Plain Text', value: 'text/plain' },
];

/** What a new message or reply says, with ClickUp's optional message fields (Create and Reply). */
export function messageBodyProperties(what: 'message' | 'reply'): INodeProperties[] {
	return [
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: `The ${what} text (Markdown by default), at most 40,000 characters`,
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Message', value: 'message', description: 'A regular chat message' },
				{ name: 'Post', value: 'post', description: 'A post with a title and a subtype' },
			],
			default: 'message',
		},
		{
			displayName: 'Post Title',
			name: 'postTitle',
			type: 'string',
			default: '',
			required: true,
			description: 'Title of the post, at most 255 characters',
			displayOptions: { show: { type: ['post'] } },
		},
		{
			displayName: 'Post Subtype ID',
			name: 'postSubtypeId',
			type: 'string',
			default: '',
			required: true,
			description: "The post subtype's ID (ClickUp's Get Post Subtype IDs endpoint lists them)",
			displayOptions: { show: { type: ['post'] } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Assignee',
					name: 'assignee',
					type: 'string',
					default: '',
					description: `User ID to assign the ${what} to`,
				},
				{
					displayName: 'Content Format',
					name: 'contentFormat',
					type: 'options',
					options: contentFormatOptions,
					default: 'text/md',
				},
				{
					displayName: 'Followers',
					name: 'followers',
					type: 'string',
					default: '',
					placeholder: '183, 4560123',
					description: `Up to 10 user IDs who follow the ${what}, comma-separated or an array`,
				},
				{
					displayName: 'Group Assignee',
					name: 'groupAssignee',
					type: 'string',
					default: '',
					description: `User group ID to assign the ${what} to`,
				},
			],
		},
	];
}

/** The format ClickUp writes message content in, for the read operations. */
export const contentFormatProperty: INodeProperties = {
	displayName: 'Content Format',
	name: 'contentFormat',
	type: 'options',
	options: contentFormatOptions,
	default: 'text/md',
	description: 'Format of the message content in the output (ClickUp default: Markdown)',
};

/** The format ClickUp writes a channel's description in, for the channel read operations. */
export const descriptionFormatProperty: INodeProperties = {
	displayName: 'Description Format',
	name: 'descriptionFormat',
	type: 'options',
	options: contentFormatOptions,
	default: 'text/md',
	description: "Format of the channel's description in the output (ClickUp default: Markdown)",
};
