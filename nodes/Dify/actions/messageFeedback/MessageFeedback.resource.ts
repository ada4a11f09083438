import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Rate a message',
			description:
				'Rate an answer like or dislike, with an optional comment, or revoke the rating. Outputs "result": "success", "message_id" and "rating".',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many message feedbacks',
			description:
				'List the feedback on the app\'s messages, from end users and from the Dify console. Outputs one item per feedback: "message_id", "conversation_id", "rating", "content", "from_source", timestamps.',
		},
	],
	default: 'create',
};

export const operations = { create, getAll };
