import type { INodeProperties } from 'n8n-workflow';

import { conversationIdProperty } from '../common.descriptions';
import { deleteById } from '../common.operations';

export const properties: INodeProperties[] = [
	{
		...conversationIdProperty,
		description: `${conversationIdProperty.description} The conversation is deleted for good.`,
	},
];

export const operation = deleteById('conversationId', '/conversations.delete');
