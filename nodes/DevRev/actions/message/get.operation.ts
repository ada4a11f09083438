import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readId } from '../../helpers/parameters';
import { devRevRequest } from '../../transport';
import { messageIdProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [messageIdProperty];

export const operation: ItemOperation<{ id: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { id: readId(this, i, 'messageId') };
	},

	async execute(this: IExecuteFunctions, i, { id }) {
		return await devRevRequest(this, i, {
			method: 'GET',
			path: '/timeline-entries.get',
			qs: { id },
		});
	},
};
