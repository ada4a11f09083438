import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalBodyFieldsProperty, updateFieldsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readAdditionalJson } from '../../../common/validate';
import { conversationUpdateFields } from '../../helpers/conversationFields';
import { readId, requireChanges } from '../../helpers/parameters';
import { devRevRequest } from '../../transport';
import {
	conversationFieldOptions,
	conversationIdProperty,
	conversationUpdateListOptions,
	customFieldOptions,
} from '../common.descriptions';

/** Additional options, in alphabetical order as the editor lists them. */
const updateOptions = (
	[
		...conversationFieldOptions,
		...conversationUpdateListOptions,
		...customFieldOptions,
		{
			displayName: 'Is Frozen',
			name: 'isFrozen',
			type: 'boolean',
			default: false,
			description: 'Whether the conversation is frozen',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'string',
			default: '',
			description: "The conversation's new status, as your DevRev organization names it",
		},
	] as INodeProperties[]
).sort((a, b) => a.displayName.localeCompare(b.displayName));

export const properties: INodeProperties[] = [
	conversationIdProperty,
	updateFieldsCollection(updateOptions, 'What to change. Fields left out stay as they are.'),
	{
		...additionalBodyFieldsProperty,
		placeholder: '{"tags": {"add": [{"id": "TAG-12", "value": "p1"}]}}',
		description:
			'Other fields of the request, as a JSON object, for example metadata or tags with values. They are merged last, so they win over the fields above.',
	},
];

export const operation: ItemOperation<{ body: IDataObject }> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const id = readId(this, i, 'conversationId');
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const changes = {
			...conversationUpdateFields(node, i, fields),
			...readAdditionalJson(this, i, 'additionalBodyFields'),
		};
		requireChanges(
			node,
			i,
			changes,
			'Pick a field under Update Fields, such as Stage or Owned By, or give Extra Body Fields (JSON).',
		);
		return { body: { id, ...changes } };
	},

	async execute(this: IExecuteFunctions, i, { body }) {
		return await devRevRequest(this, i, { method: 'POST', path: '/conversations.update', body });
	},
};
