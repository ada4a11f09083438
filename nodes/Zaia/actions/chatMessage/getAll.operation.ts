import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { isUuid, parseList, requireInteger, requireUuid } from '../../../common/validate';
import { zaiaProfile } from '../../transport';

const showOnly = { resource: ['chatMessage'], operation: ['getAll'] };

export const JOINS = ['chat-message-follow-ups', 'senders'] as const;
export const MAX_LIMIT = 1000;

export const description: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '123e4567-e89b-42d3-a456-426614174000',
		description: 'UUID of the Zaia chat whose messages to read',
		displayOptions: { show: showOnly },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LIMIT },
		default: 50,
		description: 'Max number of results to return',
		hint: 'Zaia returns at most 1000 messages per request; it has no cursor for more',
		displayOptions: { show: showOnly },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnly },
		options: [
			{
				displayName: 'Chat Thread ID',
				name: 'chatThreadId',
				type: 'string',
				default: '',
				placeholder: '123e4567-e89b-42d3-a456-426614174000',
				description: 'Only messages of this thread (UUID)',
			},
			{
				displayName: 'Joins',
				name: 'joins',
				type: 'multiOptions',
				options: [
					{
						name: 'Chat Message Follow-Ups',
						value: 'chat-message-follow-ups',
						description: 'Adds chatMessageFollowUp to each message',
					},
					{
						name: 'Senders',
						value: 'senders',
						description:
							'Adds senderSuperIdentity (the agent, squad, user or external user) to each message',
					},
				],
				default: [],
				description: 'Related records Zaia embeds in every message',
			},
			{
				displayName: 'Ticket IDs',
				name: 'ticketIds',
				type: 'string',
				default: '',
				placeholder: '123e4567-e89b-42d3-a456-426614174000, 9b2d...',
				description:
					'Only messages of these tickets: UUIDs, comma-separated or an expression returning an array',
			},
		],
	},
];

interface Prepared {
	qs: IDataObject;
}

function optionalUuid(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return undefined;
	return requireUuid(ctx.getNode(), i, field, value);
}

export const getAll: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const chatId = requireUuid(node, i, 'Chat ID', this.getNodeParameter('chatId', i));
		const limit = requireInteger(node, i, 'Limit', this.getNodeParameter('limit', i, 50), {
			min: 1,
			max: MAX_LIMIT,
		});
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const chatThreadId = optionalUuid(this, i, 'Chat Thread ID', extra.chatThreadId);
		const joins = parseList(node, i, 'Joins', extra.joins, {
			unique: true,
			each: (entry) =>
				(JOINS as readonly string[]).includes(entry)
					? undefined
					: `is not one of ${JOINS.join(', ')}`,
		});
		const ticketIds = parseList(node, i, 'Ticket IDs', extra.ticketIds, {
			unique: true,
			each: (entry) => (isUuid(entry) ? undefined : 'is not a UUID'),
		});
		// OpenAPI defaults for query parameters: style "form", explode true. Arrays repeat the name
		// (joins=a&joins=b) and the `pagination` object spreads its properties (limit=250).
		const qs: IDataObject = { chatId, limit };
		if (chatThreadId) qs.chatThreadId = chatThreadId;
		if (joins.length) qs.joins = joins;
		if (ticketIds.length) qs.ticketIds = ticketIds;
		return { qs };
	},

	async execute(this: IExecuteFunctions, i, { qs }) {
		const response = await apiRequest<unknown>(this, zaiaProfile, {
			method: 'GET',
			path: '/api/v1/chat-messages',
			qs,
			arrayFormat: 'repeat',
			itemIndex: i,
		});
		const body = response.body;
		const messages = Array.isArray(body) ? body : [];
		return messages.map((message) => ({ json: message as IDataObject }));
	},
};
