import type { INodeProperties } from 'n8n-workflow';

/** Parameters several DevRev operations share, defined once. */

export const chatIdProperty: INodeProperties = {
	displayName: 'Chat ID',
	name: 'chatId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'don:core:dvrv-us-1:devo/0:dm/1',
	description:
		"The chat's DevRev ID, or its display ID like DM-1. After a Chat → Create Direct Message or Get step, drag its chat → ID field here.",
};

/** The users of a DM to open or find (Create Direct Message, Get by users). */
export const usersProperty: INodeProperties = {
	displayName: 'Users',
	name: 'users',
	type: 'string',
	default: '',
	placeholder: 'DEVU-12, DEVU-34',
	description:
		'The users of the DM: their DevRev IDs (DEVU-12 or the full don:identity:… ID), comma-separated or an expression that returns an array. A DM has 1 to 16 users and DevRev requires you among them: see Add Me to Users.',
};

/** Whether to add the token's user to a Users list (DevRev requires the caller in every DM). */
export const addAuthenticatedUserProperty: INodeProperties = {
	displayName: 'Add Me to Users',
	name: 'addAuthenticatedUser',
	type: 'boolean',
	default: true,
	description:
		'Whether to add you (the user the token belongs to) to Users unless already listed. DevRev rejects a DM without you: turn this off only if you list yourself.',
};

/** The two custom-field entries of a create's Additional Fields and an update's Update Fields. */
export const customFieldOptions: INodeProperties[] = [
	{
		displayName: 'Custom Fields (JSON)',
		name: 'customFields',
		type: 'json',
		default: '{}',
		description:
			'Custom fields of your DevRev organization, as a JSON object. Name their schemas in Custom Schema Spec (JSON) as well.',
	},
	{
		displayName: 'Custom Schema Spec (JSON)',
		name: 'customSchemaSpec',
		type: 'json',
		default: '{}',
		placeholder: '{"tenant_fragment": true, "validate_required_fields": true}',
		description:
			'The schemas of the custom fields, as a JSON object with any of apps (a list of names), subtype (a name), tenant_fragment and validate_required_fields (true or false). Schemas left out stay as they are.',
	},
];

/** The records linked to a DM (Create Direct Message; Update replaces them). */
export const recordsOption: INodeProperties = {
	displayName: 'Records',
	name: 'records',
	type: 'string',
	default: '',
	placeholder: 'ISS-101, TKT-7',
	description:
		'IDs of DevRev records (issues, tickets, …) to link to the DM, at most 16, comma-separated or an array',
};

export const conversationIdProperty: INodeProperties = {
	displayName: 'Conversation ID',
	name: 'conversationId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'don:core:dvrv-us-1:devo/0:conversation/1',
	description:
		"The conversation's DevRev ID, or its display ID like CONV-1. After a Conversation → Create, Get or Get Many step, drag its ID here.",
};

export const messageIdProperty: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'don:core:dvrv-us-1:devo/0:dm/1:comment/1',
	description:
		"The message's DevRev ID (its timeline entry ID). After a Message → Send step, drag its timeline_entry → ID here; after Message → Get Many, its ID.",
};

/**
 * Whose timeline a message belongs to (Message → Send, Get Many): a chat or a conversation, with
 * the matching ID parameter shown for it. Nodes made before conversations existed keep "chat".
 */
export function timelineParentProperties(description: string): INodeProperties[] {
	return [
		{
			displayName: 'Chat or Conversation',
			name: 'parent',
			type: 'options',
			options: [
				{ name: 'Chat', value: 'chat', description: 'A chat, such as a direct message' },
				{ name: 'Conversation', value: 'conversation', description: 'A support conversation' },
			],
			default: 'chat',
			description,
		},
		{ ...chatIdProperty, displayOptions: { show: { parent: ['chat'] } } },
		{ ...conversationIdProperty, displayOptions: { show: { parent: ['conversation'] } } },
	];
}

/** A list of DevRev IDs in a create's Additional Fields or an update's Update Fields. */
function idListOption(
	displayName: string,
	name: string,
	placeholder: string,
	description: string,
): INodeProperties {
	return { displayName, name, type: 'string', default: '', placeholder, description };
}

/** The fields a conversation create and update share (Additional Fields / Update Fields). */
export const conversationFieldOptions: INodeProperties[] = [
	{
		displayName: 'Brand ID',
		name: 'brand',
		type: 'string',
		default: '',
		placeholder: 'don:core:dvrv-us-1:devo/0:brand/1',
		description: 'The brand the conversation belongs to',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'A description of the conversation',
	},
	{
		displayName: 'Group ID',
		name: 'group',
		type: 'string',
		default: '',
		placeholder: 'don:identity:dvrv-us-1:devo/0:group/1',
		description: 'The group the conversation is assigned to',
	},
	{
		displayName: 'Is Spam',
		name: 'isSpam',
		type: 'boolean',
		default: false,
		description: 'Whether the conversation is spam',
	},
	{
		displayName: 'Stage',
		name: 'stage',
		type: 'string',
		default: '',
		placeholder: 'resolved',
		description:
			"The name of the conversation's stage, as your DevRev organization names its conversation stages",
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'The title of the conversation',
	},
];

/** Create's own list fields: the conversation's members, owners, channels and tags. */
export const conversationCreateListOptions: INodeProperties[] = [
	idListOption(
		'Channel IDs',
		'channels',
		'don:integration:dvrv-us-1:devo/0:channel/1',
		'IDs of the channels of the conversation, comma-separated or an array',
	),
	idListOption(
		'Members',
		'members',
		'DEVU-12, REVU-3',
		'The users taking part in the conversation: DevRev user IDs, comma-separated or an array',
	),
	idListOption(
		'Owned By',
		'ownedBy',
		'DEVU-12',
		'The users who own the conversation: DevRev user IDs, comma-separated or an array',
	),
	idListOption(
		'Tags',
		'tags',
		'TAG-12, TAG-34',
		'IDs of the tags to put on the conversation, comma-separated or an array',
	),
];

/** Update's list fields: each replaces the conversation's list, except Add Tags and Remove Tags. */
export const conversationUpdateListOptions: INodeProperties[] = [
	idListOption(
		'Add Tags',
		'addTags',
		'TAG-12',
		'IDs of tags to add to the conversation, keeping its other tags. Comma-separated or an array.',
	),
	idListOption(
		'Applies To Part IDs',
		'appliesToParts',
		'PROD-12',
		'Replaces the parts (products, features, …) the conversation applies to: part IDs, comma-separated or an array',
	),
	idListOption(
		'Channel IDs',
		'channels',
		'don:integration:dvrv-us-1:devo/0:channel/1',
		"Replaces the conversation's channels: channel IDs, comma-separated or an array",
	),
	idListOption(
		'Members',
		'members',
		'DEVU-12, REVU-3',
		"Replaces the conversation's members: DevRev user IDs, comma-separated or an array. Left empty, every member is removed.",
	),
	idListOption(
		'Owned By',
		'ownedBy',
		'DEVU-12',
		"Replaces the conversation's owners: DevRev user IDs, comma-separated or an array. Left empty, every owner is removed.",
	),
	idListOption(
		'Remove Tags',
		'removeTags',
		'TAG-34',
		'IDs of tags to take off the conversation. Comma-separated or an array.',
	),
	idListOption(
		'Tags',
		'tags',
		'TAG-12, TAG-34',
		"Replaces the conversation's tags: tag IDs, comma-separated or an array. Left empty, every tag is removed.",
	),
];

/** The emoji of a reaction (reactions.update, reactions.list). */
export const emojiProperty: INodeProperties = {
	displayName: 'Emoji',
	name: 'emoji',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'thumbsup',
	description:
		'The emoji: its short name (for example thumbsup or joy) or its code point (for example 1f44d)',
};

/** The message a reaction is on, and the emoji. */
export const reactionProperties: INodeProperties[] = [messageIdProperty, emojiProperty];
