import type { INodeProperties } from 'n8n-workflow';

import { returnAllProperties } from '../../../common/paging';
import { readMessageId } from '../../helpers/parameters';
import { messageIdProperty, workspaceIdProperty } from '../common.descriptions';
import { chatListOperation } from '../common.operations';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	messageIdProperty('The message whose tagged (mentioned) users to list.'),
	...returnAllProperties(),
];

export const operation = chatListOperation((ctx, i) => [
	'messages',
	readMessageId(ctx, i),
	'tagged_users',
]);
