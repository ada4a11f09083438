import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import type { ChatRequest } from '../../transport';
import { chatPath, sendChatRequest } from '../../transport';
import { chatIdProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [chatIdProperty];

export const operation: ItemOperation<ChatRequest> = {
	async prepare(this: IExecuteFunctions, i) {
		return { method: 'GET', path: await chatPath(this, i) };
	},

	execute: sendChatRequest,
};
