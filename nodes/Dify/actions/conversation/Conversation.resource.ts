import type { INodeProperties } from 'n8n-workflow';

import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as getMessages from './getMessages.operation';
import * as getVariables from './getVariables.operation';
import * as rename from './rename.operation';
import * as updateVariable from './updateVariable.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a conversation',
			description:
				'Delete a conversation of the user, with its messages. Outputs "deleted": true and the "conversation_id".',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many conversations',
			description:
				'List the conversations of one user, most recently active first. Outputs one item per conversation: its ID, "name", "inputs", "status", "introduction", "created_at", "updated_at".',
		},
		{
			name: 'Get Messages',
			value: 'getMessages',
			action: 'Get the messages of a conversation',
			description:
				'Read the history of a conversation: with a Limit, its latest messages. Outputs one item per message, oldest first: its ID, "query", "answer", "feedback", "message_files", "agent_thoughts", token counts, "created_at".',
		},
		{
			name: 'Get Variables',
			value: 'getVariables',
			action: 'Get the variables of a conversation',
			description:
				'List the conversation variables a Chatflow or chat app keeps across turns. Outputs one item per variable: its ID, "name", "value_type", "value", "description".',
		},
		{
			name: 'Rename',
			value: 'rename',
			action: 'Rename a conversation',
			description:
				'Give a conversation a name, or let Dify generate one from its messages. Outputs the conversation with its new "name".',
		},
		{
			name: 'Update Variable',
			value: 'updateVariable',
			action: 'Update a conversation variable',
			description:
				'Set the value of one conversation variable (it must keep its value_type). Outputs the updated variable.',
		},
	],
	default: 'getAll',
};

export const operations = {
	delete: deleteOperation,
	getAll,
	getMessages,
	getVariables,
	rename,
	updateVariable,
};
