/**
 * Send and Reply: the same post (ClickUp's CreateChatMessage schema) to another target, so their
 * parameters, body reader and operation live here once.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { compact, parseList, requireString } from '../../../common/validate';
import { MAX_CONTENT_LENGTH, MAX_FOLLOWERS, MAX_POST_TITLE_LENGTH } from '../../helpers/limits';
import { chatPath, readWorkspaceId } from '../../helpers/parameters';
import { clickUpProfile } from '../../transport';
import { contentFormatOptions } from '../common.descriptions';

/** What a new message or reply says, with ClickUp's optional message fields. */
export function messageBodyProperties(what: 'message' | 'reply'): INodeProperties[] {
	return [
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: `The ${what} text, at most 40,000 characters. Markdown unless Content Format says otherwise.`,
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Message', value: 'message', description: 'A regular chat message' },
				{ name: 'Post', value: 'post', description: 'A post with a title and a subtype' },
			],
			default: 'message',
		},
		{
			displayName: 'Post Title',
			name: 'postTitle',
			type: 'string',
			default: '',
			required: true,
			description: 'Title of the post, at most 255 characters',
			displayOptions: { show: { type: ['post'] } },
		},
		{
			displayName: 'Post Subtype ID',
			name: 'postSubtypeId',
			type: 'string',
			default: '',
			required: true,
			description:
				"The post subtype's ID. ClickUp lists a Workspace's post subtypes in its API (Get Post Subtype IDs).",
			displayOptions: { show: { type: ['post'] } },
		},
		additionalFieldsCollection([
			{
				displayName: 'Assignee',
				name: 'assignee',
				type: 'string',
				default: '',
				description: `User ID to assign the ${what} to`,
			},
			{
				displayName: 'Content Format',
				name: 'contentFormat',
				type: 'options',
				options: contentFormatOptions,
				default: 'text/md',
				description: `Whether ClickUp reads the ${what} text as Markdown or as plain text`,
			},
			{
				displayName: 'Followers',
				name: 'followers',
				type: 'string',
				default: '',
				placeholder: '183, 4560123',
				description: `Up to 10 user IDs who follow the ${what}, comma-separated or an array`,
			},
			{
				displayName: 'Group Assignee',
				name: 'groupAssignee',
				type: 'string',
				default: '',
				description: `User group ID to assign the ${what} to`,
			},
		]),
	];
}

/**
 * The body of a new message or reply (ClickUp's CreateChatMessage schema, the same for both), read
 * from the parameters `messageBodyProperties` declares. Checked before any request.
 */
export function readMessageBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = ctx.getNode();
	const text = (name: string) => ctx.getNodeParameter(name, itemIndex);
	const content = requireString(node, itemIndex, 'Content', text('content'), {
		max: MAX_CONTENT_LENGTH,
	});
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
			title: requireString(node, itemIndex, 'Post Title', text('postTitle'), {
				max: MAX_POST_TITLE_LENGTH,
			}),
			subtype: { id: requireString(node, itemIndex, 'Post Subtype ID', text('postSubtypeId')) },
		};
	}
	return body;
}

/** A checked message or reply: where it goes and what it says. */
interface ChatPost {
	path: string;
	body: IDataObject;
}

/**
 * A post operation: `target` reads the item's target (a channel, a message's thread) and gives
 * the path segments below the Workspace's Chat path. Outputs the created message as ClickUp
 * answers it.
 */
export function chatPostOperation(
	target: (ctx: IExecuteFunctions, itemIndex: number) => string[],
): ItemOperation<ChatPost> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			const workspaceId = readWorkspaceId(this, i);
			return { path: chatPath(workspaceId, ...target(this, i)), body: readMessageBody(this, i) };
		},

		async execute(this: IExecuteFunctions, i, { path, body }) {
			const response = await apiRequest<IDataObject>(this, clickUpProfile, {
				method: 'POST',
				path,
				body,
				itemIndex: i,
			});
			return response.body;
		},
	};
}
