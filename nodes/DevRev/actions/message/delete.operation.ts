import type { INodeProperties } from 'n8n-workflow';

import { messageIdProperty } from '../common.descriptions';
import { deleteById } from '../common.operations';

export const properties: INodeProperties[] = [
	{
		...messageIdProperty,
		description: `${messageIdProperty.description} The message is deleted for good.`,
	},
];

export const operation = deleteById('messageId', '/timeline-entries.delete');
