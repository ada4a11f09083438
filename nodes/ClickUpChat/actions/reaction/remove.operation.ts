import type { INodeProperties } from 'n8n-workflow';

import { readMessageId, readReaction } from '../../helpers/parameters';
import { messageIdProperty, reactionProperty, workspaceIdProperty } from '../common.descriptions';
import { chatDeleteOperation } from '../common.operations';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	messageIdProperty('The message or reply to take the reaction off.'),
	{
		...reactionProperty,
		description: 'The name of the emoji to take off, in lower case, e.g. thumbsup',
	},
];

export const operation = chatDeleteOperation((ctx, i) => {
	const id = readMessageId(ctx, i);
	const reaction = readReaction(ctx, i);
	return { segments: ['messages', id, 'reactions', reaction], output: { id, reaction } };
});
