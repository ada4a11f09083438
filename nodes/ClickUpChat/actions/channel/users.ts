/** Get Members and Get Followers: the same paged list of users, under another path of a channel. */
import type { INodeProperties } from 'n8n-workflow';

import { returnAllProperties } from '../../../common/paging';
import { readChannelId } from '../../helpers/parameters';
import { channelIdProperty, workspaceIdProperty } from '../common.descriptions';
import { chatListOperation } from '../common.operations';

export function channelUsers(list: 'members' | 'followers') {
	const properties: INodeProperties[] = [
		workspaceIdProperty,
		channelIdProperty,
		...returnAllProperties(),
	];
	const operation = chatListOperation((ctx, i) => ['channels', readChannelId(ctx, i), list]);
	return { properties, operation };
}
