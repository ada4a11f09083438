import type { INodeProperties } from 'n8n-workflow';

import * as addParticipant from './addParticipant.operation';
import * as create from './create.operation';
import * as createDirectMessage from './createDirectMessage.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Add Participant',
			value: 'addParticipant',
			action: 'Add a participant to a chat',
			description:
				"Add a workspace member to a chat with a role (contributor unless you pick another). Outputs Gravity Rail's answer as-is: the new participant's ID.",
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a chat',
			description:
				'Create a chat on a channel, optionally running a workflow. Outputs Gravity Rail\'s chat as-is. When the initial message could not be sent, the chat is still output, with "initialMessageError", and a warning is shown.',
		},
		{
			name: 'Create Direct Message',
			value: 'createDirectMessage',
			action: 'Create a direct message',
			description:
				"Get the direct message between you and a member, or create it. Outputs Gravity Rail's chat as-is.",
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a chat',
			description:
				"Read one chat by its ID. Outputs Gravity Rail's chat as-is: participants, message counts and metadata.",
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chats',
			description:
				"List the workspace's chats. Outputs one item per chat as Gravity Rail returns it.",
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a chat',
			description:
				"Change a chat's state (hand it to a person, give it back to the AI, mute or archive it), title, assistant settings or other properties. Outputs the updated chat as Gravity Rail returns it.",
		},
	],
	default: 'create',
};

export const operations = { addParticipant, create, createDirectMessage, get, getAll, update };
