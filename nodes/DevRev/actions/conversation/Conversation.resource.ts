import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a conversation',
			description:
				'Start a support conversation, optionally with members, owners, a stage, tags and a first message. Outputs DevRev\'s answer as-is: the conversation in "conversation", with its ID and display ID.',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a conversation',
			description:
				'Permanently delete a conversation; this cannot be undone. Outputs "deleted": true and the conversation\'s ID.',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a conversation',
			description:
				'Read one conversation by its ID. Outputs DevRev\'s answer as-is: the conversation in "conversation", with its stage, members, owners, tags and latest messages.',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many conversations',
			description:
				'List conversations, optionally filtered by stage, owner, member, tag and more, page by page. Outputs one item per conversation as DevRev returns it.',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a conversation',
			description:
				'Change a conversation\'s stage, owners, members, tags, title or other fields; fields left out stay as they are. Outputs the updated conversation in "conversation".',
		},
	],
	default: 'create',
};

export const operations = { create, delete: deleteOperation, get, getAll, update };
