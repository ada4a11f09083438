import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { requireString, requireUuid } from '../../../common/validate';
import { difyProfile } from '../../transport';
import { conversationIdProperty, optionsCollection, userProperty } from '../common.descriptions';
import { forOperation } from '../node.type';

export const description: INodeProperties[] = forOperation('conversation', 'delete', [
	conversationIdProperty,
	userProperty,
	optionsCollection(),
]);

interface Prepared {
	conversationId: string;
	user: string;
}

export const deleteConversation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		return {
			conversationId: requireUuid(
				node,
				i,
				'Conversation ID',
				this.getNodeParameter('conversationId', i, ''),
			),
			user: requireString(node, i, 'User', this.getNodeParameter('user', i, '')).trim(),
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
