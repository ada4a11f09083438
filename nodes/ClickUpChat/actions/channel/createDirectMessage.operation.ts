import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { parseList } from '../../../common/validate';
import { MAX_DM_USERS } from '../../helpers/limits';
import { chatPath, readWorkspaceId } from '../../helpers/parameters';
import { clickUpProfile } from '../../transport';
import { workspaceIdProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: '183, 4560123',
		description:
			'Up to 15 different ClickUp user IDs, comma-separated or an expression that returns an array. Leave empty to open your own Self DM. If a Direct Message between exactly these users exists, ClickUp returns it instead of creating one.',
	},
];

interface Prepared {
	path: string;
	userIds: string[];
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const value = this.getNodeParameter('userIds', i, '');
		const userIds = parseList(this.getNode(), i, 'User IDs', value, {
			max: MAX_DM_USERS,
			unique: true,
		});
		return { path: chatPath(readWorkspaceId(this, i), 'channels', 'direct_message'), userIds };
	},

	async execute(this: IExecuteFunctions, i, { path, userIds }) {
		const response = await apiRequest<{ data: IDataObject }>(this, clickUpProfile, {
			method: 'POST',
			path,
			body: { user_ids: userIds },
			itemIndex: i,
		});
		// the channel's own fields, flat like every other operation's output, and whether it is new
		return { ...response.body.data, created: response.statusCode === 201 };
	},
};
