import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { requireString } from '../../../common/validate';
import { PATH_IDS, readPathId, readUser } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { difyProfile } from '../../transport';
import { conversationIdProperty, optionsCollection, userProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	conversationIdProperty,
	userProperty,
	{
		displayName: 'Auto Generate',
		name: 'autoGenerate',
		type: 'boolean',
		default: false,
		description:
			'Whether Dify names the conversation itself from its messages (auto_generate) instead of using Name. Fails when the conversation has no messages yet.',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'iPhone Specs Chat',
		description: 'The new name clients show in their conversation list',
		displayOptions: { show: { autoGenerate: [false] } },
	},
	optionsCollection(),
];

interface Prepared {
	conversationId: string;
	body: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const conversationId = readPathId(this, i, PATH_IDS.conversation);
		const user = readUser(this, i);
		const body: IDataObject =
			this.getNodeParameter('autoGenerate', i, false) === true
				? { auto_generate: true, user }
				: {
						name: requireString(node, i, 'Name', this.getNodeParameter('name', i, '')).trim(),
						user,
					};
		return { conversationId, body };
	},

	async execute(this: IExecuteFunctions, i, { conversationId, body }) {
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'POST',
			path: difyPaths.conversationName(conversationId),
			body,
			// setting the same value (or name) twice does no harm, so transient failures are retried
			idempotent: true,
			itemIndex: i,
		});
		return response.body;
	},
};
