import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { compact, invalid, parseList } from '../../../common/validate';
import { readCustomFields } from '../../helpers/customFields';
import { MAX_DM_RECORDS, MAX_DM_USERS } from '../../helpers/limits';
import { usersWithCaller } from '../../helpers/users';
import { devRevProfile } from '../../transport';
import { addAuthenticatedUserProperty, customFieldOptions } from '../common.descriptions';

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
	{
		displayName: 'Users',
		name: 'users',
		type: 'string',
		default: '',
		placeholder: 'DEVU-12, DEVU-34',
		description:
			'The users in the DM: their DevRev IDs (DEVU-12 or the full don:identity:… ID), comma-separated or an expression returning an array. DevRev allows 1 to 16 users and requires you (the owner of the token) to be one of them: see "Add Me to Users".',
	},
	addAuthenticatedUserProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...customFieldOptions,
			{
				displayName: 'Is Default',
				name: 'isDefault',
				type: 'boolean',
				default: true,
				description:
					'Whether this is the default DM for these users: the one always returned when a DM is opened for them. Only one DM per set of users can be the default. DevRev treats a DM as default unless told otherwise.',
			},
			{
				displayName: 'Open Existing Chat on Conflict',
				name: 'getIfConflict',
				type: 'boolean',
				default: false,
				description:
					'Whether to output the existing chat when one already conflicts with this one (for example the default DM for the same users) instead of failing with a conflict error. Sent as get_if_conflict.',
			},
			{
				displayName: 'Records',
				name: 'records',
				type: 'string',
				default: '',
				placeholder: 'ISS-101, TKT-7',
				description:
					'IDs of DevRev records (issues, tickets, …) to associate with the DM, at most 16, comma-separated or an array',
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'The title for the chat',
			},
		],
	},
];

interface Prepared {
	body: IDataObject;
	users: string[];
	addAuthenticatedUser: boolean;
}

/** DevRev's conflict error, plus what to do instead: open the existing chat, or make a non-default DM. */
function withConflictHint(error: unknown, openedExisting: boolean): unknown {
	if (error instanceof NodeApiError && error.httpCode === '409' && !openedExisting) {
		error.description = [
			error.description,
			'A chat like this already exists (for example the default DM for the same users). To get the existing chat instead of this error, turn on Additional Fields → "Open Existing Chat on Conflict"; to create another DM for the same users, set Additional Fields → "Is Default" to false.',
		]
			.filter(Boolean)
			.join('\n');
	}
	return error;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const addAuthenticatedUser = this.getNodeParameter('addAuthenticatedUser', i, true) as boolean;
		const users = parseList(node, i, 'Users', this.getNodeParameter('users', i, ''), {
			min: addAuthenticatedUser ? 0 : 1,
			max: MAX_DM_USERS,
			unique: true,
		});
		const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const records =
			fields.records === undefined
				? undefined
				: parseList(node, i, 'Records', fields.records, { max: MAX_DM_RECORDS, unique: true });
		const custom = readCustomFields(node, i, fields);
		const type = this.getNodeParameter('type', i, 'dm') as string;
		if (type !== 'dm') throw invalid(node, i, 'Type', `must be "dm", got ${JSON.stringify(type)}`);
		const body = compact({
			type,
			title: typeof fields.title === 'string' && fields.title !== '' ? fields.title : undefined,
			is_default: typeof fields.isDefault === 'boolean' ? fields.isDefault : undefined,
			records: records && records.length > 0 ? records : undefined,
			get_if_conflict: typeof fields.getIfConflict === 'boolean' ? fields.getIfConflict : undefined,
			...custom,
		});
		return { body, users, addAuthenticatedUser };
	},

	async execute(this: IExecuteFunctions, i, { body, users, addAuthenticatedUser }) {
		const members = addAuthenticatedUser ? await usersWithCaller(this, i, users) : users;
		try {
			const response = await apiRequest<IDataObject>(this, devRevProfile, {
				method: 'POST',
				path: '/chats.create',
				body: { ...body, users: members },
				itemIndex: i,
			});
			return response.body;
		} catch (error) {
			throw withConflictHint(error, body.get_if_conflict === true);
		}
	},
};
