import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { optionalText, requireString } from '../../../common/validate';
import { chatBody } from '../../helpers/chatFields';
import type { ChatRequest } from '../../transport';
import { chatPath, sendChatRequest } from '../../transport';
import { chatIdProperty, extraBodyFieldsProperty, memberIdProperty } from '../common.descriptions';

// Workspace.Chats.Actions: POST /chats/{chat_id}/participants with memberId and role (default
// "contributor"); the docs list no other role names and do not type the member ID (sent as text).
export const properties: INodeProperties[] = [
	chatIdProperty,
	{
		...memberIdProperty,
		description:
			'The member to add to the chat, as a Member → Get Many item\'s ID or a chat\'s "memberId" shows it',
	},
	additionalFieldsCollection([
		{
			displayName: 'Role',
			name: 'role',
			type: 'string',
			default: 'contributor',
			placeholder: 'contributor',
			description:
				'The role the member takes in the chat. Gravity Rail uses contributor when left out: a contributor can be consulted by the assistant during the conversation.',
		},
	]),
	extraBodyFieldsProperty(
		'Member ID and Role',
		'The node sends the member ID as text: if your workspace expects a number, set it here.',
		'{"memberId": 202}',
	),
];

export const operation: ItemOperation<ChatRequest> = {
	async prepare(this: IExecuteFunctions, i) {
		const path = `${await chatPath(this, i)}/participants`;
		const memberId = requireString(
			this.getNode(),
			i,
			'Member ID',
			this.getNodeParameter('memberId', i, ''),
		).trim();
		const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		return {
			method: 'POST',
			path,
			body: chatBody(this, i, { memberId, role: optionalText(fields.role) }),
		};
	},

	execute: sendChatRequest,
};
