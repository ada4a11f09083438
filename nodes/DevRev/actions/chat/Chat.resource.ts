import type { INodeProperties } from 'n8n-workflow';

import * as createDirectMessage from './createDirectMessage.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create Direct Message',
			value: 'createDirectMessage',
			action: 'Create a direct message',
			description:
				'Create a direct message between 1 and 16 users (you included), or open the existing one. Outputs DevRev\'s answer as-is: the chat in "chat", with its ID, display ID, type, title and users.',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a chat',
			description:
				'Find a chat by its ID, or the default DM of a set of users. Outputs DevRev\'s answer as-is: the chat in "chat".',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a chat',
			description:
				'Change a chat\'s title, users, records or custom fields. Outputs the updated chat in "chat".',
		},
	],
	default: 'createDirectMessage',
};

export const operations = { createDirectMessage, get, update };
