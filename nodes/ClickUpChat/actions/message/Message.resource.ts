import type { INodeProperties } from 'n8n-workflow';

import * as deleteMessage from './delete.operation';
import * as getAll from './getAll.operation';
import * as getReplies from './getReplies.operation';
import * as getTaggedUsers from './getTaggedUsers.operation';
import * as reply from './reply.operation';
import * as send from './send.operation';
import * as update from './update.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a message',
			description:
				'Permanently delete a message or reply; this cannot be undone. Outputs "deleted": true and the ID of the deleted message.',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many messages',
			description:
				'Read the messages of a channel or Direct Message, most recent first (top-level messages; replies stay in their threads). Outputs one item per message.',
		},
		{
			name: 'Get Replies',
			value: 'getReplies',
			action: 'Get the replies to a message',
			description:
				"Read the replies in a message's thread, most recent first. Outputs one item per reply (ID, content, date, parent message, …).",
		},
		{
			name: 'Get Tagged Users',
			value: 'getTaggedUsers',
			action: 'Get the users tagged in a message',
			description:
				'List the users a message mentions. Outputs one item per user (ID, name, username, email, initials).',
		},
		{
			name: 'Reply',
			value: 'reply',
			action: 'Reply to a message',
			description:
				"Post a reply in a message's thread. Outputs the reply as ClickUp returns it (ID, content, parent message, …).",
		},
		{
			name: 'Send',
			value: 'send',
			action: 'Send a message',
			description:
				'Post a message (or a post) in a channel or Direct Message. Outputs the created message as ClickUp returns it (ID, content, date, parent channel, …).',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a message',
			description:
				"Change a message's or reply's text, assignee, post title or subtype, or mark it resolved; fields left out stay as they are. Outputs the updated message as ClickUp returns it.",
		},
	],
	default: 'send',
};

export const operations = {
	delete: deleteMessage,
	getAll,
	getReplies,
	getTaggedUsers,
	reply,
	send,
	update,
};
