import type { INodeProperties } from 'n8n-workflow';

import { readMessageId } from '../../helpers/parameters';
import { messageIdProperty, workspaceIdProperty } from '../common.descriptions';
import { chatPostOperation, messageBodyProperties } from './post';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	messageIdProperty('The message to reply to (in its thread).', 'Message → Send or Get Many'),
	...messageBodyProperties('reply'),
];

export const operation = chatPostOperation((ctx, i) => [
	'messages',
	readMessageId(ctx, i),
	'replies',
]);
