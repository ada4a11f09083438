import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { updateFieldsCollection } from '../../../common/descriptions';
import { compact, invalid, parseList } from '../../../common/validate';
import { readCustomFields } from '../../helpers/customFields';
import { MAX_DM_USERS } from '../../helpers/limits';
import { readChatId, readRecords, readTitle } from '../../helpers/parameters';
import { devRevRequest } from '../../transport';
import {
	chatIdProperty,
	customFieldOptions,
	recordsOption,
	usersProperty,
} from '../common.descriptions';

export const properties: INodeProperties[] = [
	chatIdProperty,
	updateFieldsCollection(
		[
			...customFieldOptions,
			{
				...recordsOption,
				description:
					'Replaces the records (issues, tickets, …) linked to the DM: at most 16 IDs, comma-separated or an array. Left empty, every record is removed.',
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'The new title for the chat',
			},
			{
				...usersProperty,
				description:
					'Replaces the users of the DM: 1 to 16 DevRev IDs, comma-separated or an array. DevRev requires you (the user the token belongs to) among them.',
			},
		],
		'What to change. Fields left out stay as they are.',
	),
];

export const operation: ItemOperation<{ body: IDataObject }> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const id = readChatId(this, i);
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const users =
			fields.users === undefined
				? undefined
				: parseList(node, i, 'Users', fields.users, { min: 1, max: MAX_DM_USERS, unique: true });
		const records = readRecords(node, i, fields);
		const custom = readCustomFields(node, i, fields);
		const changes = compact({
			title: readTitle(fields),
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
		return await devRevRequest(this, i, { method: 'POST', path: '/chats.update', body });
	},
};
