import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { concurrencyOption, routeItems } from '../common/items';
import * as send from './actions/chatMessage/send.operation';

export class Dify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dify',
		name: 'dify',
		icon: { light: 'file:dify.svg', dark: 'file:dify.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Chat with Dify apps (Chatbot, Agent, Chatflow, New Agent), streamed and aggregated into one item',
		defaults: { name: 'Dify' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'difyApi', required: true }],
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
						name: 'Send',
						value: 'send',
						action: 'Send a chat message',
						description:
							'Send a message to a Dify chat app and output its reply as one item: "answer", "conversation_id", "message_id", "task_id", "metadata" (usage, retriever_resources) like the blocking response, plus "status" (succeeded, paused, stopped), "reasoning", "agent_thoughts", "files", "workflow" and "form" (when a Human Input node pauses the run)',
					},
				],
				default: 'send',
			},
			...send.description,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [concurrencyOption, ...send.sendOptions],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, { chatMessage: { send: send.send } });
	}
}
