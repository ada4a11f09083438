import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { invalid, parseJsonObject } from '../../../common/validate';
import { readChatSettings } from '../../helpers/chatFields';
import { chatPath } from '../../helpers/ids';
import { gravityRailProfile } from '../../transport';
import {
	additionalBodyFieldsProperty,
	chatIdProperty,
	chatSettingOptions,
} from '../common.descriptions';

export const properties: INodeProperties[] = [
	chatIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			"What to change, under the Create body's names (the docs do not list the update body; fields left out are not sent)",
		options: chatSettingOptions,
	},
	{
		...additionalBodyFieldsProperty,
		placeholder: '{"status": "archived"}',
		description:
			'A JSON object merged into the update body last (its keys win), for properties the docs do not name, e.g. the chat state',
	},
];

interface Prepared {
	path: string;
	body: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const path = await chatPath(this, i);
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const extra = parseJsonObject(
			node,
			i,
			'Additional Body Fields (JSON)',
			this.getNodeParameter('additionalBodyFields', i, '{}'),
		);
		const body = { ...readChatSettings(fields), ...extra };
		if (Object.keys(body).length === 0)
			throw invalid(
				node,
				i,
				'Update Fields',
				'add at least one field to change',
				'Pick a field under Update Fields, or give Additional Body Fields (JSON).',
			);
		return { path, body };
	},

	async execute(this: IExecuteFunctions, i, { path, body }) {
		const response = await apiRequest<IDataObject>(this, gravityRailProfile, {
			method: 'PUT',
			path,
			body,
			itemIndex: i,
		});
		return response.body;
	},
};
