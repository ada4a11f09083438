import type { INodeProperties } from 'n8n-workflow';

import { readMessageId } from '../../helpers/parameters';
import { messageIdProperty, workspaceIdProperty } from '../common.descriptions';
import { chatDeleteOperation } from '../common.operations';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	messageIdProperty('The message or reply to delete.'),
];

export const operation = chatDeleteOperation((ctx, i) => {
	const id = readMessageId(ctx, i);
	return { segments: ['messages', id], output: { id } };
});
