import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { compact, invalid, parseList } from '../../../common/validate';
import { readCustomFields } from '../../helpers/customFields';
import { requireObjectId } from '../../helpers/ids';
import { MAX_DM_RECORDS, MAX_DM_USERS } from '../../helpers/limits';
import { devRevProfile } from '../../transport';
import { chatIdProperty, customFieldOptions } from '../common.descriptions';

export const properties: INodeProperties[] = [
	chatIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'What to change. Fields left out stay as they are.',
		options: [
			...customFieldOptions,
			{
				displayName: 'Records',
				name: 'records',
				type: 'string',
				default: '',
				placeholder: 'ISS-101, TKT-7',
				description:
					'Replaces the records (issues, tickets, …) associated with the DM: at most 16 IDs, comma-separated or an array; left empty, every record is removed. Sent as records.set.',
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'The new title for the chat',
			},
			{
				displayName: 'Users',
				name: 'users',
				type: 'string',
				default: '',
				placeholder: 'DEVU-12, DEVU-34',
				description:
					'Replaces the users of the DM: 1 to 16 DevRev IDs, comma-separated or an array. DevRev requires you (the owner of the token) among them. Sent as users.set.',
			},
		],
	},
];

interface Prepared {
	body: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const id = requireObjectId(node, i, 'Chat ID', this.getNodeParameter('chatId', i, ''));
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const users =
			fields.users === undefined
				? undefined
				: parseList(node, i, 'Users', fields.users, { min: 1, max: MAX_DM_USERS, unique: true });
		const records =
			fields.records === undefined
				? undefined
				: parseList(node, i, 'Records', fields.records, { max: MAX_DM_RECORDS, unique: true });
		const custom = readCustomFields(node, i, fields);
		const changes = compact({
			title: typeof fields.title === 'string' && fields.title !== '' ? fields.title : undefined,
			users: users ? { set: users } : undefined,
			records: records ? { set: records } : undefined,
			...custom,
		});
		if (Object.keys(changes).length === 0) {
			throw invalid(
				node,
				i,
				'Update Fields',
				'add at least one field to change',
				'Pick Title, Users, Records or Custom Fields under Update Fields.',
			);
		}
		// users and records belong to the DM variant of the request, which DevRev picks by type
		const dmFields = users !== undefined || records !== undefined;
		return { body: { id, ...(dmFields ? { type: 'dm' } : {}), ...changes } };
	},

	async execute(this: IExecuteFunctions, i, { body }) {
		const response = await apiRequest<IDataObject>(this, devRevProfile, {
			method: 'POST',
			path: '/chats.update',
			body,
			itemIndex: i,
		});
		return response.body;
	},
};
