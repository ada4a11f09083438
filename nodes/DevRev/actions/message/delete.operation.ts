import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readId } from '../../helpers/parameters';
import { devRevRequest } from '../../transport';
import { messageIdProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	{
		...messageIdProperty,
		description: `${messageIdProperty.description} The message is deleted for good.`,
	},
];

export const operation: ItemOperation<{ id: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { id: readId(this, i, 'messageId') };
	},

	async execute(this: IExecuteFunctions, i, { id }) {
		// DevRev answers an empty object: the item says what was deleted.
		await devRevRequest(this, i, {
			method: 'POST',
			path: '/timeline-entries.delete',
			body: { id },
		});
		return { deleted: true, id };
	},
};
