/**
 * Send and Reply post the same message (ClickUp's CreateChatMessage schema) to another target;
 * Update changes some of the same fields. Their parameters and body readers live here once.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';
import { compact, parseList, requireString } from '../../../common/validate';
import { MAX_CONTENT_LENGTH, MAX_FOLLOWERS, MAX_POST_TITLE_LENGTH } from '../../chat/limits';
import { contentFormatOptions } from '../common.descriptions';
import { chatWriteOperation } from '../common.operations';

/** The optional message fields, by parameter name; `what` is the message the panel speaks of. */
export function messageFieldOptions(what: string) {
	return {
		assignee: {
			displayName: 'Assignee',
			name: 'assignee',
			type: 'string',
			default: '',
			description: `User ID to assign the ${what} to`,
		},
		contentFormat: {
			displayName: 'Content Format',
			name: 'contentFormat',
			type: 'options',
			options: contentFormatOptions,
			default: 'text/md',
			description: `Whether ClickUp reads the ${what} text as Markdown or as plain text`,
		},
		followers: {
			displayName: 'Followers',
			name: 'followers',
			type: 'string',
			default: '',
			placeholder: '183, 4560123',
			description: `Up to 10 user IDs who follow the ${what}, comma-separated or an array`,
		},
		groupAssignee: {
			displayName: 'Group Assignee',
			name: 'groupAssignee',
			type: 'string',
			default: '',
			description: `User group ID to assign the ${what} to`,
		},
	} satisfies Record<string, INodeProperties>;
}

/** What a new message or reply says, with ClickUp's optional message fields. */
export function messageBodyProperties(what: 'message' | 'reply'): INodeProperties[] {
	const options = messageFieldOptions(what);
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
			options.assignee,
			options.contentFormat,
			options.followers,
			options.groupAssignee,
		]),
	];
}

/** A message's text: at most 40,000 characters. */
export function readContent(node: INode, itemIndex: number, value: unknown): string {
	return requireString(node, itemIndex, 'Content', value, { max: MAX_CONTENT_LENGTH });
}

/** A post's title: at most 255 characters. */
export function readPostTitle(node: INode, itemIndex: number, value: unknown): string {
	return requireString(node, itemIndex, 'Post Title', value, { max: MAX_POST_TITLE_LENGTH });
}

/** The assignment and format fields of a message (create or update), under their API names. */
export function readMessageFields(fields: IDataObject): IDataObject {
	return compact({
		content_format: (fields.contentFormat as string) || undefined,
		assignee: (fields.assignee as string) || undefined,
		group_assignee: (fields.groupAssignee as string) || undefined,
	});
}

/**
 * The body of a new message or reply (ClickUp's CreateChatMessage schema, the same for both), read
 * from the parameters `messageBodyProperties` declares. Checked before any request.
 */
export function readMessageBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = ctx.getNode();
	const text = (name: string) => ctx.getNodeParameter(name, itemIndex);
	const content = readContent(node, itemIndex, text('content'));
	const type = ctx.getNodeParameter('type', itemIndex, 'message') as 'message' | 'post';
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const followers = parseList(node, itemIndex, 'Followers', extra.followers, {
		max: MAX_FOLLOWERS,
		unique: true,
	});
	const body: IDataObject = {
		type,
		content,
		...readMessageFields(extra),
		...(followers.length ? { followers } : {}),
	};
	if (type === 'post') {
		body.post_data = {
			title: readPostTitle(node, itemIndex, text('postTitle')),
			subtype: { id: requireString(node, itemIndex, 'Post Subtype ID', text('postSubtypeId')) },
		};
	}
	return body;
}

/**
 * A post operation: `target` reads the item's target (a channel, a message's thread) and gives
 * the path segments below the Workspace's Chat path. Outputs the created message as ClickUp
 * answers it.
 */
export function chatPostOperation(target: (ctx: IExecuteFunctions, itemIndex: number) => string[]) {
	return chatWriteOperation('POST', (ctx, i) => ({
		segments: target(ctx, i),
		body: readMessageBody(ctx, i),
	}));
}
