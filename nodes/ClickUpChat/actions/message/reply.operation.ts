import type { INodeProperties } from 'n8n-workflow';

import { readMessageId } from '../../helpers/parameters';
import { workspaceIdProperty } from '../common.descriptions';
import { chatPostOperation, messageBodyProperties } from './post';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '80160000123456',
		description:
			'The message to reply to (in its thread). After a Message → Send or Get Many step, drag its ID field here.',
	},
	...messageBodyProperties('reply'),
];

export const operation = chatPostOperation((ctx, i) => [
	'messages',
	readMessageId(ctx, i),
	'replies',
]);
