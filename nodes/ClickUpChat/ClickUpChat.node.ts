import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties, operationSubtitle, optionsCollection } from '../common/descriptions';
import { routeItems } from '../common/router';
import { resources } from './actions/router';
import { getChannels, getWorkspaces } from './methods/listSearch';

const authenticationParameter: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2', value: 'oAuth2' },
		{ name: 'Personal API Token', value: 'accessToken' },
	],
	default: 'accessToken',
};

const resourceParameter: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Channel', value: 'channel' },
		{ name: 'Message', value: 'message' },
		{ name: 'Reaction', value: 'reaction' },
	],
	default: 'channel',
};

const properties: INodeProperties[] = [
	authenticationParameter,
	...nodeProperties(resourceParameter, resources, [optionsCollection()]),
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
			'Create and manage channels and Direct Messages, and send, edit, react to and read chat messages and their threads with ClickUp Chat (API v3)',
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
		return await routeItems(this, resources);
	}
}
