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
		{ name: 'Member', value: 'member' },
	],
	default: 'chat',
};

const properties = nodeProperties(resourceParameter, resources, [optionsCollection()]);

export class GravityRail implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gravity Rail',
		name: 'gravityRail',
		icon: { light: 'file:gravityRail.svg', dark: 'file:gravityRail.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Create, list, read and update chats and direct messages in a Gravity Rail workspace, hand them to a person, and find its members',
		defaults: { name: 'Gravity Rail' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'gravityRailApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, resources);
	}
}
