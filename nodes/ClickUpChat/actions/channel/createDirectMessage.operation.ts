import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { parseList, requireInteger } from '../../../common/validate';
import { clickUpProfile } from '../../transport';

const showOnly = { resource: ['channel'], operation: ['createDirectMessage'] };

export const MAX_DM_USERS = 15;

export const description: INodeProperties[] = [
	{
		displayName: 'Workspace',
		name: 'workspaceId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The ClickUp Workspace the Direct Message belongs to',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'getWorkspaces', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '9012345678',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[0-9]+\\s*$',
							errorMessage: 'A Workspace ID is a number, e.g. 9012345678',
						},
					},
				],
			},
		],
		displayOptions: { show: showOnly },
	},
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: '183, 4560123',
		description:
			'Up to 15 unique ClickUp user IDs to include, comma-separated or an expression returning an array. Leave empty to open your own Self DM. If a Direct Message between exactly these users exists, ClickUp returns it instead of creating a new one.',
		displayOptions: { show: showOnly },
	},
];

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
