import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';

import type { ItemOperation } from '../../../common/items';
import { compact, invalid } from '../../../common/validate';
import { readCustomFields } from '../../helpers/customFields';
import { readRecords, readTitle } from '../../helpers/parameters';
import type { DmUsers } from '../../helpers/users';
import { dmMembers, readDmUsers } from '../../helpers/users';
import { devRevRequest } from '../../transport';
import {
	addAuthenticatedUserProperty,
	customFieldOptions,
	recordsOption,
	usersProperty,
} from '../common.descriptions';

export const properties: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Direct Message', value: 'dm', description: 'A chat between up to 16 users' },
		],
		default: 'dm',
		required: true,
		description: 'The kind of chat to create. DevRev offers one kind today.',
	},
	usersProperty,
	addAuthenticatedUserProperty,
	additionalFieldsCollection([
		...customFieldOptions,
		{
			displayName: 'Is Default',
			name: 'isDefault',
			type: 'boolean',
			default: true,
			description:
				'Whether this is the default DM for these users: the one DevRev opens for them. Only one DM per set of users can be the default, and a DM is the default unless you turn this off.',
		},
		{
			displayName: 'Open Existing Chat on Conflict',
			name: 'getIfConflict',
			type: 'boolean',
			default: false,
			description:
				'Whether to output the existing chat when one already conflicts with this one (for example the default DM for the same users), instead of failing',
		},
		recordsOption,
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			description: 'The title for the chat',
		},
	]),
];

interface Prepared extends DmUsers {
	body: IDataObject;
}

/** DevRev's conflict error, plus what to do instead: open the existing chat, or make a non-default DM. */
function withConflictHint(error: unknown, openedExisting: boolean): unknown {
	if (error instanceof NodeApiError && error.httpCode === '409' && !openedExisting) {
		error.description = [
			error.description,
			'A chat like this already exists (for example the default DM for the same users). To get the existing chat instead of this error, turn on Additional Fields → "Open Existing Chat on Conflict"; to create another DM for the same users, set Additional Fields → "Is Default" to false.',
		]
			.filter(Boolean)
			.join(' ');
	}
	return error;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const users = readDmUsers(this, i);
		const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const records = readRecords(node, i, fields);
		const custom = readCustomFields(node, i, fields);
		const type = this.getNodeParameter('type', i, 'dm') as string;
		if (type !== 'dm') throw invalid(node, i, 'Type', `must be "dm", got ${JSON.stringify(type)}`);
		const body = compact({
			type,
			title: readTitle(fields),
			is_default: typeof fields.isDefault === 'boolean' ? fields.isDefault : undefined,
			records: records && records.length > 0 ? records : undefined,
			get_if_conflict: typeof fields.getIfConflict === 'boolean' ? fields.getIfConflict : undefined,
			...custom,
		});
		return { body, ...users };
	},

	async execute(this: IExecuteFunctions, i, prepared) {
		const { body } = prepared;
		const users = await dmMembers(this, i, prepared);
		try {
			return await devRevRequest(this, i, {
				method: 'POST',
				path: '/chats.create',
				body: { ...body, users },
			});
		} catch (error) {
			throw withConflictHint(error, body.get_if_conflict === true);
		}
	},
};
