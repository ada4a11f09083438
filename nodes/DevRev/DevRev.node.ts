import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { concurrencyOption, routeItems } from '../common/items';
import * as createChat from './actions/chat/create.operation';

export class DevRev implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DevRev',
		name: 'devRev',
		icon: { light: 'file:devRev.svg', dark: 'file:devRev.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create chats (direct messages) in DevRev',
		defaults: { name: 'DevRev' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'devRevApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Chat', value: 'chat' }],
				default: 'chat',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['chat'] } },
				options: [
					{
						name: 'Create',
						value: 'create',
						action: 'Create a chat',
						description:
							'Create a direct message between 1 and 16 users (you included), or open the existing one. Outputs DevRev\'s answer as-is: the chat in "chat", with its ID, display ID, type, title and users.',
					},
				],
				default: 'create',
			},
			...createChat.description,
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

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, { chat: { create: createChat.create } });
	}
}
