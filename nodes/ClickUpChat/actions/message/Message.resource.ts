import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as reply from './reply.operation';
import * as send from './send.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many messages',
			description:
				'Read the messages of a channel or Direct Message, most recent first (top-level messages; replies stay in their threads). Outputs one item per message.',
		},
		{
			name: 'Reply',
			value: 'reply',
			action: 'Reply to a message',
			description:
				"Post a reply in a message's thread. Outputs the reply as ClickUp returns it (ID, content, parent message, …).",
		},
		{
			name: 'Send',
			value: 'send',
			action: 'Send a message',
			description:
				'Post a message (or a post) in a channel or Direct Message. Outputs the created message as ClickUp returns it (ID, content, date, parent channel, …).',
		},
	],
	default: 'send',
};

export const operations = { getAll, reply, send };
