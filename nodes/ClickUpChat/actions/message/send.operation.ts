import type { INodeProperties } from 'n8n-workflow';

import { readChannelId } from '../../helpers/parameters';
import { channelIdProperty, workspaceIdProperty } from '../common.descriptions';
import { chatPostOperation, messageBodyProperties } from './post';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	channelIdProperty,
	...messageBodyProperties('message'),
];

export const operation = chatPostOperation((ctx, i) => [
	'channels',
	readChannelId(ctx, i),
	'messages',
]);
