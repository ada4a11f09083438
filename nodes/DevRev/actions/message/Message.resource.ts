import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
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
				"Read a chat's messages (its timeline entries), page by page. Outputs one item per entry as DevRev returns it: ID, body, created_by, created_date, visibility.",
		},
		{
			name: 'Send',
			value: 'send',
			action: 'Send a message',
			description:
				'Post a message in a chat (a timeline comment on the DM). Outputs the created entry in "timeline_entry".',
		},
	],
	default: 'send',
};

export const operations = { getAll, send };
