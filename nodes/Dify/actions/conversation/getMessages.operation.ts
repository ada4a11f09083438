import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { requireString, requireUuid } from '../../../common/validate';
import { listBeforeFirstId } from '../../helpers/lists';
import { conversationIdProperty, optionsCollection, userProperty } from '../common.descriptions';
import { forOperation } from '../node.type';

// openapi_service.json's summary says "newest first", while its `first_id` text (the first message
// of a page fetches the older page before it) and Dify's history pages are chronological within a
// page; the node follows the cursor's description and outputs the messages oldest first.
export const description: INodeProperties[] = forOperation('conversation', 'getMessages', [
	conversationIdProperty,
	userProperty,
	...returnAllProperties(),
	optionsCollection(),
]);

interface Prepared {
	conversationId: string;
	user: string;
	limit: number | undefined;
}

export const getMessages: ItemOperation<Prepared> = {
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
			limit: readLimit(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { conversationId, user, limit }) {
		return await listBeforeFirstId(this, i, {
			path: '/messages',
			qs: { conversation_id: conversationId, user },
			limit,
		});
	},
};
