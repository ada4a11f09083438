import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { requireString } from '../../../common/validate';
import { chatBody } from '../../helpers/chatFields';
import type { ChatRequest } from '../../transport';
import { sendChatRequest, workspacePath } from '../../transport';
import { extraBodyFieldsProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	{
		displayName: 'Member ID',
		name: 'memberId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '202',
		description:
			'The member or agent to open the direct message with, as a chat\'s "memberId" shows it',
		hint: 'A direct message with an agent needs no extra permission; one with another person needs the dm:write scope',
	},
	// The docs do not name the body field for the member: the node uses Create's "memberId".
	extraBodyFieldsProperty(
		'Member ID',
		'The node sends the member as "memberId": if your workspace expects another name, set it here.',
		'{"targetMemberId": "202"}',
	),
];

export const operation: ItemOperation<ChatRequest> = {
	async prepare(this: IExecuteFunctions, i) {
		const path = `${await workspacePath(this, i)}/chats/dm`;
		const memberId = requireString(
			this.getNode(),
			i,
			'Member ID',
			this.getNodeParameter('memberId', i, ''),
		).trim();
		return { method: 'POST', path, body: chatBody(this, i, { memberId }) };
	},

	execute: sendChatRequest,
};
