import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { OperationOptions, ResourceOptions } from '../common/descriptions';
import { operationSubtitle, optionsCollection } from '../common/descriptions';
import { routeItems } from '../common/items';
import * as create from './actions/chatMessage/create.operation';
import * as exportOperation from './actions/chatMessage/export.operation';
import * as getAll from './actions/chatMessage/getAll.operation';
import type { ZaiaMap } from './actions/node.type';
import { operations } from './actions/router';
import { isWaitForExport, resumeWithExport, waitForExport } from './helpers/waitForExport';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Chat Message', value: 'chatMessage' }] satisfies ResourceOptions<ZaiaMap>,
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
				name: 'Export',
				value: 'export',
				action: 'Export chat messages',
				description:
					"Ask Zaia to export the messages of a period (at most 6 months). Send to URL outputs Zaia's acknowledgement; Wait for the Export pauses the execution and outputs the export itself: its fields first, then callbackReceived and how it arrived (callback).",
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many chat messages',
				description:
					'Read the messages of a chat, optionally of one thread or tickets. Outputs one item per message.',
			},
		] satisfies OperationOptions<ZaiaMap, 'chatMessage'>,
		default: 'getAll',
	},
	...getAll.description,
	...create.description,
	...exportOperation.description,
	optionsCollection(),
];

export class Zaia implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zaia',
		name: 'zaia',
		icon: { light: 'file:zaia.svg', dark: 'file:zaia.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Read, create and export chat messages with the Zaia public API',
		defaults: { name: 'Zaia' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zaiaApi', required: true }],
		webhooks: [
			{
				// Only used to resume an execution waiting in Export → Wait for the Export.
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '',
				restartWebhook: true,
			},
		],
		properties,
	};

	/**
	 * Zaia has no API to register, list or delete webhooks: the callback URL travels with each export
	 * request. These hooks exist for n8n's lifecycle and do nothing.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		if (isWaitForExport(this)) return await waitForExport(this);
		return await routeItems(this, operations);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeWithExport(this);
	}
}
