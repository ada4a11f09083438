import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as createDirectMessage from './createDirectMessage.operation';
import * as deleteChannel from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getFollowers from './getFollowers.operation';
import * as getMembers from './getMembers.operation';
import * as update from './update.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a channel',
			description:
				'Create a channel in the Workspace, or the channel of a Space, Folder or List; if it exists already, ClickUp returns it. Outputs the channel\'s own fields (ID, name, type, visibility, …) and "created": true when it is new, false when it already existed.',
		},
		{
			name: 'Create Direct Message',
			value: 'createDirectMessage',
			action: 'Create a direct message',
			description:
				'Open a Direct Message with up to 15 users, or get the existing one. Outputs the channel\'s own fields (ID, type, members, …) and "created": true when it is new, false when it already existed.',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a channel',
			description:
				'Permanently delete a channel; this cannot be undone. Outputs "deleted": true and the ID of the deleted channel.',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a channel',
			description:
				"Get one channel or Direct Message by its ID. Outputs the channel's own fields (ID, name, type, visibility, …).",
		},
		{
			name: 'Get Followers',
			value: 'getFollowers',
			action: 'Get the followers of a channel',
			description:
				'List the users who follow a channel or Direct Message. Outputs one item per user (ID, name, username, email, initials).',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many channels',
			description:
				'List the channels and Direct Messages of a Workspace, optionally filtered (types, followed, with recent messages). Outputs one item per channel.',
		},
		{
			name: 'Get Members',
			value: 'getMembers',
			action: 'Get the members of a channel',
			description:
				'List the members of a channel or Direct Message. Outputs one item per user (ID, name, username, email, initials).',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a channel',
			description:
				"Change a channel's name, description, topic, visibility or location; fields left out stay as they are. Outputs the updated channel's own fields.",
		},
	],
	default: 'createDirectMessage',
};

export const operations = {
	create,
	createDirectMessage,
	delete: deleteChannel,
	get,
	getAll,
	getFollowers,
	getMembers,
	update,
};
