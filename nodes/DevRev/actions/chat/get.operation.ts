import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { invalid } from '../../../common/validate';
import { readChatId } from '../../helpers/parameters';
import type { DmUsers } from '../../helpers/users';
import { dmMembers, readDmUsers } from '../../helpers/users';
import { devRevRequest } from '../../transport';
import {
	addAuthenticatedUserProperty,
	chatIdProperty,
	usersProperty,
} from '../common.descriptions';

const byUsers = { show: { getBy: ['users'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Get By',
		name: 'getBy',
		type: 'options',
		options: [
			{ name: 'Chat ID', value: 'id', description: 'Find the chat by its ID' },
			{ name: 'Users', value: 'users', description: 'Find the default DM of these users' },
		],
		default: 'id',
		description: 'How to find the chat',
	},
	{ ...chatIdProperty, displayOptions: { show: { getBy: ['id'] } } },
	{ ...usersProperty, displayOptions: byUsers },
	{ ...addAuthenticatedUserProperty, displayOptions: byUsers },
];

type Prepared = { getBy: 'id'; chatId: string } | ({ getBy: 'users' } & DmUsers);

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const getBy = this.getNodeParameter('getBy', i, 'id') as string;
		if (getBy === 'users') return { getBy, ...readDmUsers(this, i) };
		if (getBy !== 'id')
			throw invalid(
				this.getNode(),
				i,
				'Get By',
				`must be "id" or "users", got ${JSON.stringify(getBy)}`,
			);
		return { getBy, chatId: readChatId(this, i) };
	},

	async execute(this: IExecuteFunctions, i, prepared) {
		if (prepared.getBy === 'id')
			return await devRevRequest(this, i, {
				method: 'GET',
				path: '/chats.get',
				qs: { id: prepared.chatId },
			});
		const users = await dmMembers(this, i, prepared);
		// A read sent as POST (the only way to look a DM up by its users): safe to send again.
		return await devRevRequest(this, i, {
			method: 'POST',
			path: '/chats.get',
			body: { type: 'dm', users },
			idempotent: true,
		});
	},
};
