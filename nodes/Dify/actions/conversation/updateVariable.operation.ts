import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { invalid } from '../../../common/validate';
import { PATH_IDS, readPathId, readUser } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { difyProfile } from '../../transport';
import { conversationIdProperty, optionsCollection, userProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	conversationIdProperty,
	{
		displayName: 'Variable ID',
		name: 'variableId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'a1b2c3d4-5678-90ab-cdef-1234567890ab',
		description: "After a Conversation → Get Variables step, drag the variable's ID here",
	},
	userProperty,
	{
		displayName: 'Value Format',
		name: 'valueFormat',
		type: 'options',
		options: [
			{
				name: 'JSON',
				value: 'json',
				description:
					'Parsed first, for number, boolean, object and array variables (e.g. 42, true, ["a", "b"])',
			},
			{
				name: 'Text',
				value: 'text',
				description: 'Sent as a string, for string and secret variables',
			},
		],
		default: 'text',
		description:
			"How to read Value. The new value must have the variable's value_type, or Dify refuses it.",
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		placeholder: 'dark_mode',
		description: 'The new value of the variable',
	},
	optionsCollection(),
];

interface Prepared {
	conversationId: string;
	variableId: string;
	body: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const conversationId = readPathId(this, i, PATH_IDS.conversation);
		const variableId = readPathId(this, i, PATH_IDS.variable);
		const user = readUser(this, i);
		const format = this.getNodeParameter('valueFormat', i, 'text') as string;
		const raw = this.getNodeParameter('value', i, '') as unknown;
		let value: unknown;
		if (format === 'text') {
			if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean')
				throw invalid(
					node,
					i,
					'Value',
					'must be text with Value Format Text; use JSON for other values',
				);
			value = String(raw);
		} else if (format === 'json') {
			if (typeof raw !== 'string') value = raw;
			else {
				try {
					value = JSON.parse(raw);
				} catch (error) {
					throw invalid(
						node,
						i,
						'Value',
						`is not valid JSON (${(error as Error).message})`,
						'With Value Format JSON, give a JSON value: 42, true, "text", ["a", "b"] or {"key": "value"}.',
					);
				}
			}
		} else {
			throw invalid(node, i, 'Value Format', `must be text or json, got "${format}"`);
		}
		return { conversationId, variableId, body: { value: value as IDataObject[string], user } };
	},

	async execute(this: IExecuteFunctions, i, { conversationId, variableId, body }) {
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'PUT',
			path: difyPaths.conversationVariable(conversationId, variableId),
			body,
			// setting the same value (or name) twice does no harm, so transient failures are retried
			idempotent: true,
			itemIndex: i,
		});
		return response.body;
	},
};
