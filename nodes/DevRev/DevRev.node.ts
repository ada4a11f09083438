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
import * as getChat from './actions/chat/get.operation';
import * as updateChat from './actions/chat/update.operation';
import * as getManyMessages from './actions/message/getMany.operation';
import * as sendMessage from './actions/message/send.operation';
import type { DevRevMap } from './actions/node.type';
import { operations } from './actions/router';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Chat', value: 'chat' },
			{ name: 'Message', value: 'message' },
		] satisfies ResourceOptions<DevRevMap>,
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
			{
				name: 'Get',
				value: 'get',
				action: 'Get a chat',
				description:
					'Find a chat by its ID, or the default DM of a set of users. Outputs DevRev\'s answer as-is: the chat in "chat".',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a chat',
				description:
					'Change a chat\'s title, users, records or custom fields. Outputs the updated chat in "chat".',
			},
		] satisfies OperationOptions<DevRevMap, 'chat'>,
		default: 'create',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
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
		] satisfies OperationOptions<DevRevMap, 'message'>,
		default: 'send',
	},
	...createChat.description,
	...getChat.description,
	...updateChat.description,
	...sendMessage.description,
	...getManyMessages.description,
	optionsCollection(),
];

export class DevRev implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DevRev',
		name: 'devRev',
		icon: { light: 'file:devRev.svg', dark: 'file:devRev.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Open DMs in DevRev, send messages in them and read them back',
		defaults: { name: 'DevRev' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'devRevApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, operations);
	}
}
