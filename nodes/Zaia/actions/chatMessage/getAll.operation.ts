import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, filtersCollection } from '../../../common/descriptions';

import type { ItemOperation } from '../../../common/items';
import { collectPages, readLimit, returnAllProperties } from '../../../common/paging';
import { apiRequest } from '../../../common/transport';
import { isUuid, optionalText, parseList, requireUuid } from '../../../common/validate';
import { zaiaProfile } from '../../transport';
import { chatIdProperty, chatThreadIdProperty, UUID_PLACEHOLDER } from '../common.descriptions';

export const JOINS = ['chat-message-follow-ups', 'senders'] as const;
/** Zaia's `pagination.limit` maximum; the API has no cursor or offset beyond it. */
export const MAX_LIMIT = 1000;

const [returnAll, limit] = returnAllProperties({ max: MAX_LIMIT });

export const properties: INodeProperties[] = [
	chatIdProperty(
		'The chat whose messages to read (a UUID). After a Chat Message → Send step, drag its chatId here.',
	),
	returnAll,
	{
		...limit,
		hint: 'Zaia gives at most 1000 messages per request. To read more, narrow the list with Filters.',
	},
	filtersCollection([
		chatThreadIdProperty(
			"Only messages of this thread (a UUID), as a message's chatThreadId shows it",
		),
		{
			displayName: 'Ticket IDs',
			name: 'ticketIds',
			type: 'string',
			default: '',
			placeholder: `${UUID_PLACEHOLDER}, 9b2d...`,
			description:
				'Only messages of these tickets: UUIDs, comma-separated, or an array from an expression',
		},
	]),
	additionalFieldsCollection([
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
			description: 'Related records Zaia adds to every message',
		},
	]),
];

interface Prepared {
	qs: IDataObject;
	/** undefined: Return All (as many as Zaia gives in one request, 1000). */
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const chatId = requireUuid(node, i, 'Chat ID', this.getNodeParameter('chatId', i));
		const limit = readLimit(this, i, { max: MAX_LIMIT });
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const threadText = optionalText(filters.chatThreadId);
		const chatThreadId =
			threadText === undefined ? undefined : requireUuid(node, i, 'Chat Thread ID', threadText);
		const joins = parseList(node, i, 'Joins', extra.joins, {
			unique: true,
			each: (entry) =>
				(JOINS as readonly string[]).includes(entry)
					? undefined
					: `is not one of ${JOINS.join(', ')}`,
		});
		const ticketIds = parseList(node, i, 'Ticket IDs', filters.ticketIds, {
			unique: true,
			each: (entry) => (isUuid(entry) ? undefined : 'is not a UUID'),
		});
		// OpenAPI defaults for query parameters: style "form", explode true. Arrays repeat the name
		// (joins=a&joins=b) and the `pagination` object spreads its properties (limit=250).
		const qs: IDataObject = { chatId };
		if (chatThreadId) qs.chatThreadId = chatThreadId;
		if (joins.length) qs.joins = joins;
		if (ticketIds.length) qs.ticketIds = ticketIds;
		return { qs, limit };
	},

	async execute(this: IExecuteFunctions, i, { qs, limit }) {
		const messages = await collectPages<IDataObject, string>({
			node: this.getNode(),
			itemIndex: i,
			providerName: zaiaProfile.name,
			limit,
			maxPageSize: MAX_LIMIT,
			// Zaia documents only `pagination.limit`: one request is the whole list it will give.
			fetchPage: async (_cursor, pageSize) => {
				const response = await apiRequest<unknown>(this, zaiaProfile, {
					method: 'GET',
					path: '/api/v1/chat-messages',
					qs: { chatId: qs.chatId, limit: pageSize, ...qs },
					arrayFormat: 'repeat',
					itemIndex: i,
				});
				const body = response.body;
				return { items: (Array.isArray(body) ? body : []) as IDataObject[] };
			},
		});
		if (limit === undefined && messages.length >= MAX_LIMIT) {
			this.addExecutionHints?.({
				message: `Zaia returned ${messages.length} messages, the most it gives in one request (it has no cursor for more). Narrow the list with Filters (Chat Thread ID or Ticket IDs) to see the rest.`,
				type: 'warning',
				location: 'outputPane',
			});
		}
		return messages.map((message) => ({ json: message }));
	},
};
