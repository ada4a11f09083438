import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get an end user',
			description:
				'Get an end user of the app by ID, for example the "created_by" of an uploaded file. Outputs one item: "external_user_id" (the User the requests were made with), "session_id", "is_anonymous", timestamps.',
		},
	],
	default: 'get',
};

export const operations = { get };
