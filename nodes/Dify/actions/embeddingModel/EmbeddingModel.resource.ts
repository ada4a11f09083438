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
			action: 'Get many embedding models',
			description:
				'List the embedding (or rerank) models of the workspace. Outputs one item per model: its "provider" and "model" (the two values a knowledge base is set up with), "status", "model_properties".',
		},
	],
	default: 'getAll',
};

export const operations = { getAll };
