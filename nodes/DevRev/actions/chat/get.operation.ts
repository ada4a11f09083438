import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { invalid, parseList } from '../../../common/validate';
import { requireObjectId } from '../../helpers/ids';
import { MAX_DM_USERS } from '../../helpers/limits';
import { usersWithCaller } from '../../helpers/users';
import { devRevProfile } from '../../transport';
import { addAuthenticatedUserProperty, chatIdProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	{
		displayName: 'Get By',
		name: 'getBy',
		type: 'options',
		options: [
			{
				name: 'Chat ID',
				value: 'id',
				description: "The chat's ID, sent as the ID query parameter of GET /chats.get",
			},
			{
				name: 'Users',
				value: 'users',
				description:
					'The default DM between these users (POST /chats.get with type dm and the users)',
			},
		],
		default: 'id',
		description: 'How to find the chat',
	},
	{ ...chatIdProperty, displayOptions: { show: { getBy: ['id'] } } },
	{
		displayName: 'Users',
		name: 'users',
		type: 'string',
		default: '',
		placeholder: 'DEVU-12, DEVU-34',
		description:
			'The users of the DM to find: their DevRev IDs (DEVU-12 or the full don:identity:… ID), comma-separated or an array. DevRev requires you among them: see "Add Me to Users".',
		displayOptions: { show: { getBy: ['users'] } },
	},
	{ ...addAuthenticatedUserProperty, displayOptions: { show: { getBy: ['users'] } } },
];

type Prepared =
	| { getBy: 'id'; chatId: string }
	| { getBy: 'users'; users: string[]; addAuthenticatedUser: boolean };

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const getBy = this.getNodeParameter('getBy', i, 'id') as string;
		if (getBy !== 'id' && getBy !== 'users')
			throw invalid(node, i, 'Get By', `must be "id" or "users", got ${JSON.stringify(getBy)}`);
		if (getBy === 'users') {
			const addAuthenticatedUser = this.getNodeParameter(
				'addAuthenticatedUser',
				i,
				true,
			) as boolean;
			const users = parseList(node, i, 'Users', this.getNodeParameter('users', i, ''), {
				min: addAuthenticatedUser ? 0 : 1,
				max: MAX_DM_USERS,
				unique: true,
			});
			return { getBy, users, addAuthenticatedUser };
		}
		return {
			getBy: 'id',
			chatId: requireObjectId(node, i, 'Chat ID', this.getNodeParameter('chatId', i, '')),
		};
	},

	async execute(this: IExecuteFunctions, i, prepared) {
		if (prepared.getBy === 'id') {
			const response = await apiRequest<IDataObject>(this, devRevProfile, {
				method: 'GET',
				path: '/chats.get',
				qs: { id: prepared.chatId },
				itemIndex: i,
			});
			return response.body;
		}
		const users = prepared.addAuthenticatedUser
			? await usersWithCaller(this, i, prepared.users)
			: prepared.users;
		// A read sent as POST (the only way to look a DM up by its users): safe to send again.
		const response = await apiRequest<IDataObject>(this, devRevProfile, {
			method: 'POST',
			path: '/chats.get',
			body: { type: 'dm', users },
			idempotent: true,
			itemIndex: i,
		});
		return response.body;
	},
};
