import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import {
	compact,
	invalid,
	parseList,
	requireInteger,
	requireString,
} from '../../../common/validate';
import { clickUpProfile } from '../../transport';
import { workspaceIdProperty } from '../common.descriptions';
import { forOperation } from '../node.type';

export const MAX_CONTENT_LENGTH = 40000;
export const MAX_FOLLOWERS = 10;

export const description: INodeProperties[] = forOperation('message', 'create', [
	workspaceIdProperty,
	{
		displayName: 'Channel ID',
		name: 'channelId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '8cdu1c36f031841e',
		description:
			'The channel or Direct Message to post in. After a Create Direct Message step, drag its data → ID field here.',
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The message text (Markdown by default), at most 40,000 characters',
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
		description: "The post subtype's ID (ClickUp's Get Post Subtype IDs endpoint lists them)",
		displayOptions: { show: { type: ['post'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Assignee',
				name: 'assignee',
				type: 'string',
				default: '',
				description: 'User ID to assign the message to',
			},
			{
				displayName: 'Content Format',
				name: 'contentFormat',
				type: 'options',
				options: [
					{ name: 'Markdown', value: 'text/md' },
					{ name: 'Plain Text', value: 'text/plain' },
				],
				default: 'text/md',
			},
			{
				displayName: 'Followers',
				name: 'followers',
				type: 'string',
				default: '',
				placeholder: '183, 4560123',
				description: 'Up to 10 user IDs who follow the message, comma-separated or an array',
			},
			{
				displayName: 'Group Assignee',
				name: 'groupAssignee',
				type: 'string',
				default: '',
				description: 'User group ID to assign the message to',
			},
		],
	},
]);

interface Prepared {
	workspaceId: number;
	channelId: string;
	body: IDataObject;
}

export const create: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const workspaceId = requireInteger(
			node,
			i,
			'Workspace',
			this.getNodeParameter('workspaceId', i, undefined, { extractValue: true }),
			{ min: 1 },
		);
		const channelId = requireString(
			node,
			i,
			'Channel ID',
			this.getNodeParameter('channelId', i),
		).trim();
		if (!/^[A-Za-z0-9_-]+$/.test(channelId))
			throw invalid(
				node,
				i,
				'Channel ID',
				`"${channelId}" is not a channel ID (letters, digits, - and _ only)`,
			);
		const content = requireString(node, i, 'Content', this.getNodeParameter('content', i), {
			max: MAX_CONTENT_LENGTH,
		});
		const type = this.getNodeParameter('type', i) as 'message' | 'post';
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const followers = parseList(node, i, 'Followers', extra.followers, {
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
				title: requireString(node, i, 'Post Title', this.getNodeParameter('postTitle', i), {
					max: 255,
				}),
				subtype: {
					id: requireString(node, i, 'Post Subtype ID', this.getNodeParameter('postSubtypeId', i)),
				},
			};
		}
		return { workspaceId, channelId, body };
	},

	async execute(this: IExecuteFunctions, i, { workspaceId, channelId, body }) {
		const response = await apiRequest<IDataObject>(this, clickUpProfile, {
			method: 'POST',
			path: `/api/v3/workspaces/${workspaceId}/chat/channels/${encodeURIComponent(channelId)}/messages`,
			body,
			itemIndex: i,
		});
		return response.body;
	},
};
