import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { apiRequest } from '../../../common/transport';
import { parseJsonObject } from '../../../common/validate';
import { collectChats } from '../../helpers/chatList';
import { gravityRailProfile, workspacePath } from '../../transport';

export const properties: INodeProperties[] = [
	{
		displayName:
			"Gravity Rail's docs do not describe how this list pages. The node sends limit and offset (records to skip) and stops at the first short page; if your workspace pages differently, set Return All off and pass the paging fields in Additional Query Parameters.",
		name: 'pagingNotice',
		type: 'notice',
		default: '',
	},
	...returnAllProperties(),
	{
		displayName: 'Additional Query Parameters (JSON)',
		name: 'additionalQueryParameters',
		type: 'json',
		default: '{}',
		placeholder: '{"channel": "web-chat"}',
		description:
			"A JSON object sent as query parameters, merged last (its keys win over limit and offset). The docs list no filters: use the names your workspace's API accepts.",
	},
];

interface Prepared {
	path: string;
	limit: number | undefined;
	extraQuery: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const path = `${await workspacePath(this, i)}/chats`;
		const limit = readLimit(this, i);
		const extraQuery = parseJsonObject(
			node,
			i,
			'Additional Query Parameters (JSON)',
			this.getNodeParameter('additionalQueryParameters', i, '{}'),
		);
		return { path, limit, extraQuery };
	},

	async execute(this: IExecuteFunctions, i, { path, limit, extraQuery }) {
		return await collectChats({
			node: this.getNode(),
			itemIndex: i,
			limit,
			fetchPage: async (offset, pageSize) => {
				const response = await apiRequest(this, gravityRailProfile, {
					method: 'GET',
					path,
					qs: { limit: pageSize, offset, ...extraQuery },
					itemIndex: i,
				});
				return response.body;
			},
		});
	},
};
