import type { INodeProperties } from 'n8n-workflow';

import { readMessageId, readReaction } from '../../helpers/parameters';
import { messageIdProperty, reactionProperty, workspaceIdProperty } from '../common.descriptions';
import { chatWriteOperation } from '../common.operations';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	messageIdProperty('The message or reply to react to.'),
	reactionProperty,
];

export const operation = chatWriteOperation('POST', (ctx, i) => ({
	segments: ['messages', readMessageId(ctx, i), 'reactions'],
	body: { reaction: readReaction(ctx, i) },
}));
