import type { INodeProperties } from 'n8n-workflow';

import { additionalBodyFieldsProperty } from '../../common/descriptions';

/** Parameters several Gravity Rail operations share, defined once. */

export const chatIdProperty: INodeProperties = {
	displayName: 'Chat ID',
	name: 'chatId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '5001',
	description:
		"The chat's ID. After a Chat → Create, Create Direct Message or Get Many step, drag its ID here.",
};

export const memberIdProperty: INodeProperties = {
	displayName: 'Member ID',
	name: 'memberId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '202',
	description: "The member's ID. After a Member → Get Many step, drag its ID here.",
};

/**
 * Extra Body Fields (JSON) for an operation whose body is partly a guess: `winsOver` names what
 * the JSON overrides, `guess` tells the user what the node sends and when to set it here.
 */
export function extraBodyFieldsProperty(
	winsOver: string,
	guess: string,
	placeholder: string,
): INodeProperties {
	return {
		...additionalBodyFieldsProperty,
		placeholder,
		description: `Fields to send as well, as a JSON object, merged last (they win over ${winsOver}). ${guess}`,
	};
}

export const OUTBOUND_CALL_WARNING =
	'A Phone Voice chat with a Workflow ID and the assistant enabled places a real outbound phone call to the member as soon as it is created.';

/**
 * The chat's settings a create sends in Additional Fields and an update in Update Fields
 * (CreateChatRequest's fields that describe the chat rather than who or where it reaches).
 */
export const chatSettingOptions: INodeProperties[] = [
	{
		displayName: 'Assistant Chat Model ID',
		name: 'assistantChatModelId',
		type: 'string',
		default: '',
		description:
			'Chat model the assistant uses in this chat, instead of the workspace or workflow default',
	},
	{
		displayName: 'Assistant Enabled',
		name: 'assistantEnabled',
		type: 'boolean',
		default: true,
		description:
			'Whether the AI assistant runs the chat. Gravity Rail turns it on unless told otherwise.',
		hint: 'On a Phone Voice chat with a workflow, leaving this on places a real outbound call',
	},
	{
		displayName: 'Assistant Member ID',
		name: 'assistantMemberId',
		type: 'string',
		default: '',
		description: "A specific assistant member to run the chat instead of the workflow's agent",
	},
	{
		displayName: 'Assistant Realtime Model ID',
		name: 'assistantRealtimeModelId',
		type: 'string',
		default: '',
		description: 'Realtime (voice) model the assistant uses in this chat, instead of the default',
	},
	{
		displayName: 'Chat Type',
		name: 'chatType',
		type: 'string',
		default: '',
		description: "Gravity Rail's classification of the chat, sent as given",
	},
	{
		displayName: 'Is Test',
		name: 'isTest',
		type: 'boolean',
		default: false,
		description: 'Whether this is a test chat',
	},
	{
		displayName: 'Site ID',
		name: 'siteId',
		type: 'string',
		default: '',
		description: 'The site the chat belongs to',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'A title for the chat',
	},
];
