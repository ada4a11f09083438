import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { concurrencyOption, routeItems } from '../common/items';
import * as create from './actions/chatMessage/create.operation';
import * as getAll from './actions/chatMessage/getAll.operation';
import { zaiaApiTest } from './methods/credentialTest';

export class Zaia implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zaia',
		name: 'zaia',
		icon: { light: 'file:zaia.svg', dark: 'file:zaia.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read, create and export chat messages with the Zaia public API',
		defaults: { name: 'Zaia' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zaiaApi', required: true, testedBy: 'zaiaApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Chat Message', value: 'chatMessage' }],
				default: 'chatMessage',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['chatMessage'] } },
				options: [
					{
						name: 'Create',
						value: 'create',
						action: 'Create a chat message',
						description: 'Post a message to a chat. Outputs the created message as Zaia returns it.',
					},
					{
						name: 'Get Many',
						value: 'getAll',
						action: 'Get many chat messages',
						description: 'Read the messages of a chat. Outputs one item per message.',
					},
				],
				default: 'getAll',
			},
			...getAll.description,
			...create.description,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [concurrencyOption],
			},
		],
	};

	methods = { credentialTest: { zaiaApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, { chatMessage: { getAll: getAll.getAll, create: create.create } });
	}
}
