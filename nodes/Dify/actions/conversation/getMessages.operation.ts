import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit } from '../../../common/paging';
import { listByCursor } from '../../helpers/lists';
import { PATH_IDS, readPathId, readUser } from '../../helpers/parameters';
import { conversationIdProperty, listProperties, userProperty } from '../common.descriptions';

// openapi_service.json's summary says "newest first", while its `first_id` text (the first message
// of a page fetches the older page before it) and Dify's history pages are chronological within a
// page; the node follows the cursor's description and outputs the messages oldest first.
export const properties: INodeProperties[] = [
	conversationIdProperty,
	userProperty,
	...listProperties(),
];

interface Prepared {
	conversationId: string;
	user: string;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return {
			// a query parameter here, checked as the same ID is in the other Conversation paths
			conversationId: readPathId(this, i, PATH_IDS.conversation),
			user: readUser(this, i),
			limit: readLimit(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { conversationId, user, limit }) {
		return await listByCursor(this, i, {
			path: '/messages',
			qs: { conversation_id: conversationId, user },
			limit,
			cursor: 'first_id',
		});
	},
};
