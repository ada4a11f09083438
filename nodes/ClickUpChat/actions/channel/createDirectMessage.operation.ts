import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { parseList } from '../../../common/validate';
import { chatPath, readWorkspaceId } from '../../helpers/parameters';
import { clickUpProfile } from '../../transport';
import { workspaceIdProperty } from '../common.descriptions';

export const MAX_DM_USERS = 15;

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: '183, 4560123',
		description:
			'Up to 15 unique ClickUp user IDs to include, comma-separated or an expression returning an array. Leave empty to open your own Self DM. If a Direct Message between exactly these users exists, ClickUp returns it instead of creating a new one.',
	},
];

interface Prepared {
	workspaceId: number;
	userIds: string[];
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const userIds = parseList(
			this.getNode(),
			i,
			'User IDs',
			this.getNodeParameter('userIds', i, ''),
			{
				max: MAX_DM_USERS,
				unique: true,
			},
		);
		return { workspaceId: readWorkspaceId(this, i), userIds };
	},

	async execute(this: IExecuteFunctions, i, { workspaceId, userIds }) {
		const response = await apiRequest<{ data: IDataObject }>(this, clickUpProfile, {
			method: 'POST',
			path: chatPath(workspaceId, 'channels', 'direct_message'),
			body: { user_ids: userIds },
			itemIndex: i,
		});
		// the channel's own fields, flat like every other operation's output, and whether it is new
		return { ...response.body.data, created: response.statusCode === 201 };
	},
};
