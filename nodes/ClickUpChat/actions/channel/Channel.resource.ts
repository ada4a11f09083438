import type { INodeProperties } from 'n8n-workflow';

import * as createDirectMessage from './createDirectMessage.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

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
				'Open a Direct Message with up to 15 users, or get the existing one. Outputs the channel\'s own fields (ID, type, members, …) and "created": true when it is new, false when it already existed.',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a channel',
			description:
				"Get one channel or Direct Message by its ID. Outputs the channel's own fields (ID, name, type, visibility, …).",
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many channels',
			description:
				'List the channels and Direct Messages of a Workspace, optionally filtered (types, followed, with recent messages). Outputs one item per channel.',
		},
	],
	default: 'createDirectMessage',
};

export const operations = { createDirectMessage, get, getAll };
