import type { INodeProperties } from 'n8n-workflow';

import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as send from './send.operation';
import * as update from './update.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a message',
			description:
				'Permanently delete a message (a timeline entry); this cannot be undone. Outputs "deleted": true and the message\'s ID.',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a message',
			description:
				'Read one message by its ID. Outputs DevRev\'s answer as-is: the entry in "timeline_entry".',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many messages',
			description:
				"Read a chat's or a conversation's messages (its timeline entries), page by page. Outputs one item per entry as DevRev returns it: ID, body, created_by, created_date, visibility.",
		},
		{
			name: 'Send',
			value: 'send',
			action: 'Send a message',
			description:
				'Post a message in a chat or a conversation (a timeline comment). Outputs the created entry in "timeline_entry".',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a message',
			description:
				'Change a message\'s text or its attached files; fields left out stay as they are. Outputs the updated entry in "timeline_entry".',
		},
	],
	default: 'send',
};

export const operations = { delete: deleteOperation, get, getAll, send, update };
