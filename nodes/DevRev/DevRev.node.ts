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

const resourceParameter: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Chat', value: 'chat' },
		{ name: 'Conversation', value: 'conversation' },
		{ name: 'Message', value: 'message' },
		{ name: 'Reaction', value: 'reaction' },
	],
	default: 'chat',
};

const properties = nodeProperties(resourceParameter, resources, [optionsCollection()]);

export class DevRev implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DevRev',
		name: 'devRev',
		icon: { light: 'file:devRev.svg', dark: 'file:devRev.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Open DMs and support conversations in DevRev, post, edit and react to messages, and read them back',
		defaults: { name: 'DevRev' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'devRevApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, resources);
	}
}
