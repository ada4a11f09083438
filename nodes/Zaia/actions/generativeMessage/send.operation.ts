import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	additionalFieldsCollection,
} from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import {
	invalid,
	parseJsonObject,
	readAdditionalJson,
	requireString,
} from '../../../common/validate';
import { zaiaAgentProfile } from '../../transport';
import { agentIdProperty, generativeChatIdProperty, readZaiaId } from '../generativeChat/shared';

const byId = { findChatBy: ['id'] };
const byExternalId = { findChatBy: ['externalId'] };

export const properties: INodeProperties[] = [
	agentIdProperty('The Zaia agent that answers (its number), the one the chat belongs to'),
	{
		displayName: 'Find Chat By',
		name: 'findChatBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'External ID',
				value: 'externalId',
				description: 'Your own reference, as given to Generative Chat → Create',
			},
			{
				name: 'Generative Chat ID',
				value: 'id',
				description: "Zaia's number for the chat",
			},
		],
		default: 'id',
		description: 'How the message names the chat it belongs to',
	},
	{
		...generativeChatIdProperty(
			'The chat to send to (a number). After a Generative Chat → Create step, drag its ID (id) here; after a Send, its externalGenerativeChatId.',
		),
		displayOptions: { show: byId },
	},
	{
		displayName: 'External ID',
		name: 'externalGenerativeChatExternalId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'order-4411',
		description: "The chat's External ID, as given to Generative Chat → Create",
		displayOptions: { show: byExternalId },
	},
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'Hi! I need help with order #4411',
		description: "The user's message, which the agent answers",
	},
	additionalFieldsCollection([
		{
			displayName: 'As Markdown',
			name: 'asMarkdown',
			type: 'boolean',
			default: false,
			description: "Whether the agent's answer comes formatted as Markdown",
		},
		{
			displayName: 'Custom Values (JSON)',
			name: 'custom',
			type: 'json',
			default: '{}',
			placeholder: '{"whatsapp": "11999999999"}',
			description:
				'Values about the user for the agent, as a JSON object of text, numbers and booleans, e.g. {"whatsapp": "11999999999"}',
		},
	]),
	{
		...additionalBodyFieldsProperty,
		description:
			'More fields for the message, as a JSON object, for fields this node does not offer. They are merged last.',
	},
];

interface Prepared {
	body: IDataObject;
}

function readCustom(ctx: IExecuteFunctions, i: number, raw: unknown): IDataObject | undefined {
	const node = ctx.getNode();
	const custom = parseJsonObject(node, i, 'Custom Values (JSON)', raw);
	for (const [key, value] of Object.entries(custom)) {
		if (!['string', 'number', 'boolean'].includes(typeof value))
			throw invalid(
				node,
				i,
				'Custom Values (JSON)',
				`"${key}" must be text, a number or true/false, got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`,
			);
	}
	return Object.keys(custom).length ? custom : undefined;
}

/**
 * POST /v1.1/api/external-generative-message/create: the agent answers the prompt in the chat.
 * Always `streaming: false` (the reference shows no streamed answer's format); the chat by its ID
 * or by its external ID, as the reference offers both.
 */
export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const agentId = readZaiaId(node, i, 'Agent ID', this.getNodeParameter('agentId', i));
		const body: IDataObject = { agentId };
		if (this.getNodeParameter('findChatBy', i, 'id') === 'externalId') {
			body.externalGenerativeChatExternalId = requireString(
				node,
				i,
				'External ID',
				this.getNodeParameter('externalGenerativeChatExternalId', i, ''),
			).trim();
		} else {
			body.externalGenerativeChatId = readZaiaId(
				node,
				i,
				'Generative Chat ID',
				this.getNodeParameter('externalGenerativeChatId', i, ''),
			);
		}
		body.prompt = requireString(node, i, 'Prompt', this.getNodeParameter('prompt', i, ''));
		body.streaming = false;
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		if (typeof extra.asMarkdown === 'boolean') body.asMarkdown = extra.asMarkdown;
		const custom = readCustom(this, i, extra.custom);
		if (custom) body.custom = custom;
		return { body: { ...body, ...readAdditionalJson(this, i, 'additionalBodyFields') } };
	},

	async execute(this: IExecuteFunctions, i, { body }) {
		const response = await apiRequest<IDataObject>(this, zaiaAgentProfile, {
			method: 'POST',
			path: '/v1.1/api/external-generative-message/create',
			body,
			itemIndex: i,
		});
		return response.body;
	},
};
