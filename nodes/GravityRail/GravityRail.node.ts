import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { concurrencyOption, routeItems } from '../common/items';
import * as createChat from './actions/chat/create.operation';
import * as createDm from './actions/chat/createDm.operation';

export class GravityRail implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gravity Rail',
		name: 'gravityRail',
		icon: { light: 'file:gravityRail.svg', dark: 'file:gravityRail.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create chats and DMs in a Gravity Rail workspace. Create DM sends the target member as "memberId" (the docs do not name the field); add or rename fields with Additional Body Fields.',
		defaults: { name: 'Gravity Rail' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'gravityRailApi', required: true }],
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
							'Create a chat on a channel, optionally running a workflow. Outputs Gravity Rail\'s chat as-is; when the initial message could not be sent the chat is still output, with "initialMessageError", and a warning is shown.',
					},
					{
						name: 'Create DM',
						value: 'createDm',
						action: 'Find or create a DM',
						description:
							'Get the DM between you and a member, or create it. Sends the member as "memberId" (the docs do not name the field). Outputs Gravity Rail\'s chat as-is.',
					},
				],
				default: 'create',
			},
			...createChat.description,
			...createDm.description,
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
		return await routeItems(this, {
			chat: { create: createChat.create, createDm: createDm.createDm },
		});
	}
}
