import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	additionalFieldsCollection,
} from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { invalid, readAdditionalJson } from '../../../common/validate';
import { conversationCreateFields } from '../../helpers/conversationFields';
import { devRevRequest } from '../../transport';
import {
	conversationCreateListOptions,
	conversationFieldOptions,
	customFieldOptions,
} from '../common.descriptions';

/** Additional options, in alphabetical order as the editor lists them. */
const createOptions = (
	[
		...conversationFieldOptions,
		...conversationCreateListOptions,
		...customFieldOptions,
		{
			displayName: 'Initial Message',
			name: 'messages',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'A first message to post on the conversation as it is created',
		},
		{
			displayName: 'Source Channel',
			name: 'sourceChannel',
			type: 'string',
			default: '',
			description: 'The channel the conversation came from, as DevRev names it',
		},
	] as INodeProperties[]
).sort((a, b) => a.displayName.localeCompare(b.displayName));

export const properties: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [{ name: 'Support', value: 'support', description: 'A support conversation' }],
		default: 'support',
		required: true,
		description: 'The kind of conversation to create. DevRev offers one kind today.',
	},
	additionalFieldsCollection(createOptions),
	{
		...additionalBodyFieldsProperty,
		placeholder: '{"metadata": {"url_context": "https://example.com/pricing"}}',
		description:
			'Other fields of the request, as a JSON object, for example metadata or tags with values. They are merged last, so they win over the fields above.',
	},
];

export const operation: ItemOperation<{ body: IDataObject }> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const type = this.getNodeParameter('type', i, 'support') as string;
		if (type !== 'support')
			throw invalid(node, i, 'Type', `must be "support", got ${JSON.stringify(type)}`);
		const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = {
			type,
			...conversationCreateFields(node, i, fields),
			...readAdditionalJson(this, i, 'additionalBodyFields'),
		};
		return { body };
	},

	async execute(this: IExecuteFunctions, i, { body }) {
		return await devRevRequest(this, i, { method: 'POST', path: '/conversations.create', body });
	},
};
