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
import * as createDirectMessage from './actions/channel/createDirectMessage.operation';
import * as getChannel from './actions/channel/get.operation';
import * as getAllChannels from './actions/channel/getAll.operation';
import * as createMessage from './actions/message/create.operation';
import * as getAllMessages from './actions/message/getAll.operation';
import * as replyMessage from './actions/message/reply.operation';
import type { ClickUpChatMap } from './actions/node.type';
import { operations } from './actions/router';
import { getChannels, getWorkspaces } from './methods/listSearch';

const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Personal API Token', value: 'accessToken' },
			{ name: 'OAuth2', value: 'oAuth2' },
		],
		default: 'accessToken',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Channel', value: 'channel' },
			{ name: 'Message', value: 'message' },
		] satisfies ResourceOptions<ClickUpChatMap>,
		default: 'channel',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['channel'] } },
		options: [
			{
				name: 'Create Direct Message',
				value: 'createDirectMessage',
				action: 'Create a direct message',
				description:
					'Open a Direct Message with up to 15 users, or get the existing one. Outputs the channel\'s own fields (ID, type, members, …) and "created": true when it is new (HTTP 201), false when it already existed (HTTP 200).',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a channel',
				description:
					"Get one channel or Direct Message by its ID. Outputs the channel's own fields (ID, name, type, visibility, …).",
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many channels',
				description:
					'List the channels and Direct Messages of a Workspace, optionally filtered (types, followed, with recent messages). Outputs one item per channel.',
			},
		] satisfies OperationOptions<ClickUpChatMap, 'channel'>,
		default: 'createDirectMessage',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Send a message',
				description:
					'Post a message (or a post) in a channel or Direct Message. Outputs the created message as ClickUp returns it (ID, content, date, parent channel, …).',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many messages',
				description:
					'Read the messages of a channel or Direct Message, most recent first (top-level messages; replies stay in their threads). Outputs one item per message.',
			},
			{
				name: 'Reply',
				value: 'reply',
				action: 'Reply to a message',
				description:
					"Post a reply in a message's thread. Outputs the reply as ClickUp returns it (ID, content, parent message, …).",
			},
		] satisfies OperationOptions<ClickUpChatMap, 'message'>,
		default: 'create',
	},
	...createDirectMessage.description,
	...getChannel.description,
	...getAllChannels.description,
	...createMessage.description,
	...getAllMessages.description,
	...replyMessage.description,
	optionsCollection(),
];

export class ClickUpChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ClickUp Chat',
		name: 'clickUpChat',
		icon: { light: 'file:clickUpChat.svg', dark: 'file:clickUpChat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Open Direct Messages, find channels, and send, read and reply to chat messages with ClickUp Chat (API v3)',
		defaults: { name: 'ClickUp Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'clickUpChatApi',
				required: true,
				displayOptions: { show: { authentication: ['accessToken'] } },
			},
			{
				name: 'clickUpChatOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties,
	};

	methods = { listSearch: { getWorkspaces, getChannels } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, operations);
	}
}
