import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, parseList, requireString } from '../../common/validate';
import {
	MAX_CONTENT_LENGTH,
	MAX_FOLLOWERS,
	MAX_POST_TITLE_LENGTH,
} from '../actions/common.descriptions';

/**
 * The body of a new message or reply (ClickUp's CreateChatMessage schema, the same for both), read
 * from the parameters `messageBodyProperties` declares. Checked before any request.
 */
export function readMessageBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = ctx.getNode();
	const content = requireString(
		node,
		itemIndex,
		'Content',
		ctx.getNodeParameter('content', itemIndex),
		{
			max: MAX_CONTENT_LENGTH,
		},
	);
	const type = ctx.getNodeParameter('type', itemIndex, 'message') as 'message' | 'post';
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const followers = parseList(node, itemIndex, 'Followers', extra.followers, {
		max: MAX_FOLLOWERS,
		unique: true,
	});
	const body: IDataObject = compact({
		type,
		content,
		content_format: (extra.contentFormat as string) || undefined,
		assignee: (extra.assignee as string) || undefined,
		group_assignee: (extra.groupAssignee as string) || undefined,
		followers: followers.length ? followers : undefined,
	});
	if (type === 'post') {
		body.post_data = {
			title: requireString(
				node,
				itemIndex,
				'Post Title',
				ctx.getNodeParameter('postTitle', itemIndex),
				{
					max: MAX_POST_TITLE_LENGTH,
				},
			),
			subtype: {
				id: requireString(
					node,
					itemIndex,
					'Post Subtype ID',
					ctx.getNodeParameter('postSubtypeId', itemIndex),
				),
			},
		};
	}
	return body;
}
