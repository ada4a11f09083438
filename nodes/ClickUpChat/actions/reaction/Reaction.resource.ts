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
				'React to a message or reply with an emoji, as you (the user the credential belongs to). Outputs the reaction (its name, your user ID and the date).',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many reactions',
			description:
				'List the reactions to a message or reply. Outputs one item per reaction (its name, the user ID of who reacted and the date).',
		},
		{
			name: 'Remove',
			value: 'remove',
			action: 'Remove a reaction',
			description:
				'Take your emoji reaction off a message or reply. Outputs "deleted": true, the message ID and the reaction.',
		},
	],
	default: 'add',
};

export const operations = { add, getAll, remove };
