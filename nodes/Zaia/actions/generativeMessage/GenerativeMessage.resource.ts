import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Send',
			value: 'send',
			action: 'Send a generative message',
			description:
				"Send a user's message to a Zaia agent in a chat and wait for its answer. Outputs the answer: its text, the chat stage, the data the agent extracted and any files.",
		},
	],
	default: 'send',
};

export const operations = { send };
