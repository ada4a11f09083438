import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a member',
			description: "Read one workspace member by their ID. Outputs Gravity Rail's member as-is.",
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many members',
			description:
				"List the workspace's members (people and agents). Outputs one item per member as Gravity Rail returns it; its ID is what Chat → Create Direct Message and Add Participant take.",
		},
	],
	default: 'getAll',
};

export const operations = { get, getAll };
