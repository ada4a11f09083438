import type { INodeProperties } from 'n8n-workflow';

import { parseList } from '../../../common/validate';
import { MAX_DM_USERS } from '../../chat/limits';
import { userIdsProperty, workspaceIdProperty } from '../common.descriptions';
import { chatWriteOperation, createdChannel } from '../common.operations';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	userIdsProperty(
		'Up to 15 different ClickUp user IDs, comma-separated or an expression that returns an array. Leave empty to open your own Self DM. If a Direct Message between exactly these users exists, ClickUp returns it instead of creating one.',
	),
];

export const operation = chatWriteOperation(
	'POST',
	(ctx, i) => {
		const value = ctx.getNodeParameter('userIds', i, '');
		const userIds = parseList(ctx.getNode(), i, 'User IDs', value, {
			max: MAX_DM_USERS,
			unique: true,
		});
		return { segments: ['channels', 'direct_message'], body: { user_ids: userIds } };
	},
	createdChannel,
);
