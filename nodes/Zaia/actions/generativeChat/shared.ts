/**
 * What the Generative Chat and Generative Message operations share: the agent and chat ID
 * parameters and how they are read. Zaia's v1.1 reference types both IDs as numbers.
 */
import type { INode, INodeProperties } from 'n8n-workflow';

import { requireInteger } from '../../../common/validate';

export function agentIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Agent ID',
		name: 'agentId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '20733',
		description,
	};
}

export function generativeChatIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Generative Chat ID',
		name: 'externalGenerativeChatId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1379951',
		description,
	};
}

/** A Zaia ID: a whole number from 1 (given as a number or as digits from an expression). */
export function readZaiaId(node: INode, itemIndex: number, field: string, value: unknown): number {
	return requireInteger(node, itemIndex, field, value, { min: 1 });
}
