import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { difyProfile } from '../../transport';
import { conversationIdProperty, optionsCollection, userProperty } from '../common.descriptions';
import { readConversationId, readUser } from '../../helpers/parameters';

export const properties: INodeProperties[] = [
	conversationIdProperty,
	userProperty,
	optionsCollection(),
];

interface Prepared {
	conversationId: string;
	user: string;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return {
			conversationId: readConversationId(this, i),
			user: readUser(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { conversationId, user }) {
		// Dify answers 204 without a body; the item says what was deleted.
		await apiRequest(this, difyProfile, {
			method: 'DELETE',
			path: `/conversations/${encodeURIComponent(conversationId)}`,
			body: { user },
			itemIndex: i,
		});
		return { deleted: true, conversation_id: conversationId };
	},
};
