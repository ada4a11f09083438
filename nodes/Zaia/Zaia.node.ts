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

import { nodeProperties, operationSubtitle, optionsCollection } from '../common/descriptions';
import { routeItems } from '../common/router';
import { resources } from './actions/router';
import { isWaitForExport, resumeWithExport, waitForExport } from './helpers/waitForExport';
import { testTriggerSecret } from './trigger/secret';

const resourceParameter: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Chat', value: 'chat' },
		{ name: 'Chat Message', value: 'chatMessage' },
		{ name: 'Chat Thread', value: 'chatThread' },
		{ name: 'Generative Chat', value: 'generativeChat' },
		{ name: 'Generative Message', value: 'generativeMessage' },
	],
	default: 'chatMessage',
};

const properties = nodeProperties(resourceParameter, resources, [optionsCollection()]);

export class Zaia implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zaia',
		name: 'zaia',
		icon: { light: 'file:zaia.svg', dark: 'file:zaia.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Send, read and export Zaia chat messages, and talk to Zaia agents in generative chats',
		defaults: { name: 'Zaia' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The generative chats and messages are Zaia's agent API (api.zaia.app, a Bearer key): they sign
		// with the Zaia Agent API credential, every other resource with the Zaia API credential
		credentials: [
			{
				name: 'zaiaApi',
				required: true,
				displayOptions: { hide: { resource: ['generativeChat', 'generativeMessage'] } },
			},
			{
				name: 'zaiaAgentApi',
				required: true,
				displayOptions: { show: { resource: ['generativeChat', 'generativeMessage'] } },
			},
			{
				// Export → Send to URL appends this credential's secret to the Callback URL
				name: 'zaiaTriggerApi',
				required: true,
				testedBy: 'zaiaTriggerSecretTest',
				displayOptions: {
					show: { operation: ['export'], deliverTo: ['url'], triggerSecret: ['credential'] },
				},
			},
		],
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

	methods = { credentialTest: { zaiaTriggerSecretTest: testTriggerSecret } };

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
		return await routeItems(this, resources);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeWithExport(this);
	}
}
