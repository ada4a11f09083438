import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { updateFieldsCollection } from '../../../common/descriptions';
import { invalid } from '../../../common/validate';
import { chatBody } from '../../helpers/chatFields';
import type { ChatRequest } from '../../transport';
import { chatPath, sendChatRequest } from '../../transport';
import {
	chatIdProperty,
	chatSettingOptions,
	extraBodyFieldsProperty,
} from '../common.descriptions';

// The docs only name PUT /chats/{chat_id}; the body is sent under the Create body's names.
export const properties: INodeProperties[] = [
	chatIdProperty,
	updateFieldsCollection(
		chatSettingOptions,
		'The properties to change. Properties left out stay as they are.',
	),
	extraBodyFieldsProperty(
		'Update Fields',
		'Use it for a property not listed above, or if your workspace expects other field names.',
		'{"status": "archived"}',
	),
];

export const operation: ItemOperation<ChatRequest> = {
	async prepare(this: IExecuteFunctions, i) {
		const path = await chatPath(this, i);
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body = chatBody(this, i, {}, fields);
		if (Object.keys(body).length === 0)
			throw invalid(
				this.getNode(),
				i,
				'Update Fields',
				'add at least one field to change',
				'Pick a field under Update Fields, or give Extra Body Fields (JSON).',
			);
		return { method: 'PUT', path, body };
	},

	execute: sendChatRequest,
};
