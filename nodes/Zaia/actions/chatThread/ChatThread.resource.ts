import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chat threads',
			description:
				"List a chat's threads, page by page. Outputs one item per thread as Zaia returns it; its ID is what Chat Message → Send and Get Many take as Chat Thread ID.",
		},
	],
	default: 'getAll',
};

export const operations = { getAll };
