import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties, operationSubtitle } from '../common/descriptions';
import { routeItems } from '../common/router';
import { resources } from './actions/router';

const resourceParameter: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Annotation', value: 'annotation' },
		{ name: 'App', value: 'app' },
		{ name: 'Audio', value: 'audio' },
		{ name: 'Chat Message', value: 'chatMessage' },
		{ name: 'Child Chunk', value: 'childChunk' },
		{ name: 'Chunk', value: 'chunk' },
		{ name: 'Completion Message', value: 'completionMessage' },
		{ name: 'Conversation', value: 'conversation' },
		{ name: 'Document', value: 'document' },
		{ name: 'Embedding Model', value: 'embeddingModel' },
		{ name: 'End User', value: 'endUser' },
		{ name: 'File', value: 'file' },
		{ name: 'Human Input', value: 'humanInput' },
		{ name: 'Knowledge Base', value: 'knowledgeBase' },
		{ name: 'Message Feedback', value: 'messageFeedback' },
		{ name: 'Metadata', value: 'metadata' },
		{ name: 'Tag', value: 'tag' },
		{ name: 'Workflow', value: 'workflow' },
	],
	default: 'chatMessage',
};

const properties = nodeProperties(resourceParameter, resources);

export class Dify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dify',
		name: 'dify',
		icon: { light: 'file:dify.svg', dark: 'file:dify.dark.svg' },
		group: ['transform'],
		// 1.1: Simplify is on by default for new nodes (see simplifyProperties); version 1 nodes
		// keep the full item they always had.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: operationSubtitle(properties),
		description:
			'Chat with Dify apps, run their workflows and text generators, and answer Human Input forms, with each reply as one item. Also manages conversations, feedback and files, and keeps knowledge bases in sync and searches them.',
		defaults: { name: 'Dify' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Knowledge resources sign with a Knowledge API key, every other resource with an app key
		credentials: [
			{
				name: 'difyApi',
				required: true,
				displayOptions: {
					hide: {
						resource: [
							'childChunk',
							'chunk',
							'document',
							'embeddingModel',
							'knowledgeBase',
							'metadata',
							'tag',
						],
					},
				},
			},
			{
				name: 'difyKnowledgeApi',
				required: true,
				displayOptions: {
					show: {
						resource: [
							'childChunk',
							'chunk',
							'document',
							'embeddingModel',
							'knowledgeBase',
							'metadata',
							'tag',
						],
					},
				},
			},
		],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, resources);
	}
}
