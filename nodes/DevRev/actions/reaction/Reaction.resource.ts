import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Add',
			value: 'add',
			action: 'Add a reaction',
			description:
				'React to a message with an emoji, as you (the user the token belongs to). Outputs { added: true, messageId, emoji }.',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many reactions',
			description:
				'List the users who reacted to a message with an emoji, page by page. Outputs one item per user as DevRev returns them.',
		},
		{
			name: 'Remove',
			value: 'remove',
			action: 'Remove a reaction',
			description:
				'Take back your emoji reaction from a message. Outputs { removed: true, messageId, emoji }.',
		},
	],
	default: 'add',
};

export const operations = { add, getAll, remove };
