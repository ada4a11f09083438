import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateFieldsCollection } from '../../../common/descriptions';
import { requireString } from '../../../common/validate';
import { readMessageId } from '../../helpers/parameters';
import {
	messageIdProperty,
	updateExtraBodyProperty,
	workspaceIdProperty,
} from '../common.descriptions';
import { chatWriteOperation, updateBody } from '../common.operations';
import { messageFieldOptions, readContent, readMessageFields, readPostTitle } from './post';

const options = messageFieldOptions('message');

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	messageIdProperty('The message or reply to change.'),
	updateFieldsCollection(
		[
			options.assignee,
			{
				displayName: 'Content',
				name: 'content',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description:
					'The new text of the message, at most 40,000 characters; it replaces the old text. Markdown unless Content Format says otherwise.',
			},
			options.contentFormat,
			options.groupAssignee,
			{
				displayName: 'Post Subtype ID',
				name: 'postSubtypeId',
				type: 'string',
				default: '',
				description: "A post's new subtype, by its ID",
			},
			{
				displayName: 'Post Title',
				name: 'postTitle',
				type: 'string',
				default: '',
				description: "A post's new title, at most 255 characters",
			},
			{
				displayName: 'Resolved',
				name: 'resolved',
				type: 'boolean',
				default: true,
				description: 'Whether the message is marked as resolved',
			},
		],
		'What to change. Fields left out stay as they are.',
	),
	updateExtraBodyProperty,
];

function readBody(ctx: IExecuteFunctions, i: number): { segments: string[]; body: IDataObject } {
	const node = ctx.getNode();
	const messageId = readMessageId(ctx, i);
	const fields = ctx.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = readMessageFields(fields);
	if (fields.content !== undefined) body.content = readContent(node, i, fields.content);
	const postData: IDataObject = {};
	if (fields.postTitle !== undefined) postData.title = readPostTitle(node, i, fields.postTitle);
	if (fields.postSubtypeId !== undefined)
		postData.subtype = { id: requireString(node, i, 'Post Subtype ID', fields.postSubtypeId) };
	if (Object.keys(postData).length) body.post_data = postData;
	if (typeof fields.resolved === 'boolean') body.resolved = fields.resolved;
	return {
		segments: ['messages', messageId],
		body: updateBody(
			ctx,
			i,
			body,
			'Pick Content, Assignee, Group Assignee, Post Title, Post Subtype ID or Resolved under Update Fields.',
		),
	};
}

export const operation = chatWriteOperation('PATCH', readBody);
