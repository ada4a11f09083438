import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a generative chat',
			description:
				"Open a chat with a Zaia agent, for messages sent from outside Zaia's platform. Outputs the new chat as Zaia returns it; its ID is what Generative Message → Send takes.",
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a generative chat',
			description:
				'Read one chat with a Zaia agent by its ID. Outputs the chat (agent, channel, status, external ID) as Zaia returns it.',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many generative chats',
			description:
				"List the chats with Zaia's agents, optionally of some agents only, page by page. Outputs one item per chat.",
		},
	],
	default: 'create',
};

export const operations = { create, get, getAll };
