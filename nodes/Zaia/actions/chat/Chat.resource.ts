import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chats',
			description:
				"List the workspace's chats, optionally by channel, owner or when their last message came, page by page. Outputs one item per chat as Zaia returns it; its ID is what Chat Message → Send and Get Many take.",
		},
	],
	default: 'getAll',
};

export const operations = { getAll };
