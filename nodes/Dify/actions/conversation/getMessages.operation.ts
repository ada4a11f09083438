import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { listBeforeFirstId } from '../../helpers/lists';
import { conversationIdProperty, optionsCollection, userProperty } from '../common.descriptions';
import { readConversationId, readUser } from '../../helpers/parameters';

// openapi_service.json's summary says "newest first", while its `first_id` text (the first message
// of a page fetches the older page before it) and Dify's history pages are chronological within a
// page; the node follows the cursor's description and outputs the messages oldest first.
export const properties: INodeProperties[] = [
	conversationIdProperty,
	userProperty,
	...returnAllProperties(),
	optionsCollection(),
];

interface Prepared {
	conversationId: string;
	user: string;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return {
			conversationId: readConversationId(this, i),
			user: readUser(this, i),
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
