import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { parseList, requireInteger } from '../../../common/validate';
import { clickUpProfile } from '../../transport';
import { workspaceIdProperty } from '../common.descriptions';
import { forOperation } from '../node.type';

export const MAX_DM_USERS = 15;

export const description: INodeProperties[] = forOperation('channel', 'createDirectMessage', [
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
]);

interface Prepared {
	workspaceId: number;
	userIds: string[];
}

export const createDirectMessage: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const workspace = this.getNodeParameter('workspaceId', i, undefined, {
			extractValue: true,
		}) as unknown;
		const workspaceId = requireInteger(node, i, 'Workspace', workspace, { min: 1 });
		const userIds = parseList(node, i, 'User IDs', this.getNodeParameter('userIds', i, ''), {
			max: MAX_DM_USERS,
			unique: true,
		});
		return { workspaceId, userIds };
	},

	async execute(this: IExecuteFunctions, i, { workspaceId, userIds }) {
		const response = await apiRequest<{ data: IDataObject }>(this, clickUpProfile, {
			method: 'POST',
			path: `/api/v3/workspaces/${workspaceId}/chat/channels/direct_message`,
			body: { user_ids: userIds },
			itemIndex: i,
		});
		return { data: response.body.data, created: response.statusCode === 201 };
	},
};
