import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { updateFieldsCollection } from '../../../common/descriptions';
import { invalid } from '../../../common/validate';
import { chatBody } from '../../helpers/chatFields';
import type { ChatRequest } from '../../transport';
import { chatPath, sendChatRequest } from '../../transport';
import {
	chatIdProperty,
	chatSettingOptions,
	extraBodyFieldsProperty,
} from '../common.descriptions';

/**
 * The chat states of Gravity Rail's docs (Chats: Active, Paused, Muted, Archived). The docs show
 * them in the app only: the node sends the chosen one as `state` in the update (a guess; Extra
 * Body Fields (JSON) is the way around).
 */
export const CHAT_STATES = ['active', 'archived', 'muted', 'paused'] as const;

const stateOption: INodeProperties = {
	displayName: 'State',
	name: 'state',
	type: 'options',
	options: [
		{
			name: 'Active',
			value: 'active',
			description: 'The AI assistant answers new messages again',
		},
		{
			name: 'Archived',
			value: 'archived',
			description: 'The conversation is complete',
		},
		{
			name: 'Muted',
			value: 'muted',
			description: 'No notifications are sent for the chat',
		},
		{
			name: 'Paused',
			value: 'paused',
			description: 'The AI assistant stands by so that a person can take over and answer',
		},
	],
	default: 'paused',
	description:
		'Hand the chat to a person (Paused), give it back to the AI (Active), mute it or archive it',
};

// The docs only name PUT /chats/{chat_id}; the body is sent under the Create body's names.
export const properties: INodeProperties[] = [
	chatIdProperty,
	updateFieldsCollection(
		[...chatSettingOptions, stateOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		'The properties to change. Properties left out stay as they are.',
	),
	extraBodyFieldsProperty(
		'Update Fields',
		'The node sends State as "state": if your workspace expects another name or value, set it here, as for a property not listed above.',
		'{"state": "paused"}',
	),
];

export const operation: ItemOperation<ChatRequest> = {
	async prepare(this: IExecuteFunctions, i) {
		const path = await chatPath(this, i);
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const state = fields.state as string | undefined;
		if (state !== undefined && !(CHAT_STATES as readonly string[]).includes(state))
			throw invalid(
				this.getNode(),
				i,
				'State',
				`must be one of ${CHAT_STATES.join(', ')}, got ${JSON.stringify(state)}`,
			);
		const body = chatBody(this, i, { state }, fields);
		if (Object.keys(body).length === 0)
			throw invalid(
				this.getNode(),
				i,
				'Update Fields',
				'add at least one field to change',
				'Pick a field under Update Fields, or give Extra Body Fields (JSON).',
			);
		return { method: 'PUT', path, body };
	},

	execute: sendChatRequest,
};
