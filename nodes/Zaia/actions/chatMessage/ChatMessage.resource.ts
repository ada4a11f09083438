import type { INodeProperties } from 'n8n-workflow';

import * as exportOperation from './export.operation';
import * as getAll from './getAll.operation';
import * as send from './send.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Export',
			value: 'export',
			action: 'Export chat messages',
			description:
				"Ask Zaia to export the messages of a period (at most 6 months). Send to URL outputs Zaia's acknowledgement. Wait for the Export pauses the execution and outputs the export: its fields first, then callbackReceived and how it arrived (callback).",
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chat messages',
			description:
				'Read the messages of a chat, optionally only of one thread or some tickets. Outputs one item per message.',
		},
		{
			name: 'Send',
			value: 'send',
			action: 'Send a chat message',
			description: 'Post a message to a chat. Outputs the created message as Zaia returns it.',
		},
	],
	default: 'getAll',
};

export const operations = { export: exportOperation, getAll, send };
