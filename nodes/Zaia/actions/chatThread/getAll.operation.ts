import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { requireUuid } from '../../../common/validate';
import { chatIdProperty } from '../common.descriptions';
import { collectNumberedPages } from '../common.operations';

export const properties: INodeProperties[] = [
	chatIdProperty(
		'The chat whose threads to list (a UUID). After a Chat → Get Many step, drag its ID here; after a Chat Message step, its chatId.',
	),
	...returnAllProperties(),
];

interface Prepared {
	chatId: string;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const chatId = requireUuid(this.getNode(), i, 'Chat ID', this.getNodeParameter('chatId', i));
		return { chatId, limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { chatId, limit }) {
		const threads = await collectNumberedPages(this, i, {
			path: '/api/v1/chat-threads',
			qs: { chatId },
			limit,
		});
		return threads.map((thread) => ({ json: thread }));
	},
};
