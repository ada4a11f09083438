import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import type { ChatRequest } from '../../transport';
import { memberPath, sendChatRequest } from '../../transport';
import { memberIdProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [memberIdProperty];

export const operation: ItemOperation<ChatRequest> = {
	async prepare(this: IExecuteFunctions, i) {
		return { method: 'GET', path: await memberPath(this, i) };
	},

	execute: sendChatRequest,
};
