import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { OperationOptions, ResourceOptions } from '../common/descriptions';
import { operationSubtitle, optionsCollection } from '../common/descriptions';
import { routeItems } from '../common/items';
import * as createChat from './actions/chat/create.operation';
import * as createDm from './actions/chat/createDm.operation';
import * as getChat from './actions/chat/get.operation';
import * as getManyChats from './actions/chat/getMany.operation';
import * as updateChat from './actions/chat/update.operation';
import type { GravityRailMap } from './actions/node.type';
import { operations } from './actions/router';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Chat', value: 'chat' }] satisfies ResourceOptions<GravityRailMap>,
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
			{
				name: 'Get',
				value: 'get',
				action: 'Get a chat',
				description:
					"Read one chat by its ID. Outputs Gravity Rail's chat as-is: participants, message counts and metadata.",
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many chats',
				description:
					"List the workspace's chats. Outputs one item per chat as Gravity Rail returns it.",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a chat',
				description:
					"Change a chat's title, assistant settings or other properties. Outputs the updated chat as Gravity Rail returns it.",
			},
		] satisfies OperationOptions<GravityRailMap, 'chat'>,
		default: 'create',
	},
	...createChat.description,
	...createDm.description,
	...getChat.description,
	...getManyChats.description,
	...updateChat.description,
	optionsCollection(),
];

export class GravityRail implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gravity Rail',
		name: 'gravityRail',
		icon: { light: 'file:gravityRail.svg', dark: 'file:gravityRail.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Create, find, read and update chats and DMs in a Gravity Rail workspace. Where the docs leave a field or the list paging open, the node says what it sends and offers raw JSON fields.',
		defaults: { name: 'Gravity Rail' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'gravityRailApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, operations);
	}
}
