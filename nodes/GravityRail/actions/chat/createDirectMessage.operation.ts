import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { parseJsonObject, requireString } from '../../../common/validate';
import { gravityRailProfile, workspacePath } from '../../transport';
import { additionalBodyFieldsProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	{
		displayName: 'Member ID',
		name: 'memberId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '202',
		description:
			'The member to open the DM with (the ID of the member or agent, as the chat\'s memberId shows it). Sent as "memberId": Gravity Rail\'s docs do not name this field, so the node uses the name the Create body uses for a member. If your workspace expects another name, add it in Additional Body Fields.',
		hint: 'A DM with an agent needs no extra permission; a DM with another human member needs the dm:write scope',
	},
	{
		...additionalBodyFieldsProperty,
		placeholder: '{"targetMemberId": "123"}',
		description:
			'A JSON object merged into the request body after Member ID (its keys win), so you can send fields the docs do not list without waiting for a new node version',
	},
];

interface Prepared {
	path: string;
	body: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const path = `${await workspacePath(this, i)}/chats/dm`;
		const memberId = requireString(
			node,
			i,
			'Member ID',
			this.getNodeParameter('memberId', i, ''),
		).trim();
		const extra = parseJsonObject(
			node,
			i,
			'Additional Body Fields (JSON)',
			this.getNodeParameter('additionalBodyFields', i, '{}'),
		);
		return { path, body: { memberId, ...extra } };
	},

	async execute(this: IExecuteFunctions, i, { path, body }) {
		const response = await apiRequest<IDataObject>(this, gravityRailProfile, {
			method: 'POST',
			path,
			body,
			itemIndex: i,
		});
		return response.body;
	},
};
