import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { OperationOptions, ResourceOptions } from '../common/descriptions';
import { operationSubtitle } from '../common/descriptions';
import { routeItems } from '../common/items';
import * as chatMessageSend from './actions/chatMessage/send.operation';
import type { DifyMap } from './actions/node.type';
import { operations } from './actions/router';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Chat Message', value: 'chatMessage' }] satisfies ResourceOptions<DifyMap>,
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
		] satisfies OperationOptions<DifyMap, 'chatMessage'>,
		default: 'send',
	},
	...chatMessageSend.description,
];

export class Dify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dify',
		name: 'dify',
		icon: { light: 'file:dify.svg', dark: 'file:dify.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Chat with Dify apps (Chatbot, Agent, Chatflow, New Agent), streamed and aggregated into one item',
		defaults: { name: 'Dify' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'difyApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, operations);
	}
}
