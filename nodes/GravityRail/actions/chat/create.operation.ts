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
import { gravityRailProfile, workspacePath } from '../../transport';

const showOnly = { resource: ['chat'], operation: ['create'] };

export const CHANNELS = ['web-chat', 'phone-sms', 'phone-voice', 'email'] as const;

const OUTBOUND_CALL_WARNING =
	'A Phone Voice chat with a Workflow ID and the assistant enabled places a real outbound phone call to the member as soon as it is created.';

export const description: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'Web Chat', value: 'web-chat' },
			{ name: 'Phone SMS', value: 'phone-sms', description: "Text messages to the member's phone" },
			{
				name: 'Phone Voice',
				value: 'phone-voice',
				description:
					'A phone call: with a workflow and the assistant on, creating the chat dials the member',
			},
			{ name: 'Email', value: 'email' },
		],
		default: 'web-chat',
		required: true,
		description: 'How the chat reaches the member',
		hint: OUTBOUND_CALL_WARNING,
		displayOptions: { show: showOnly },
	},
	{
		displayName: `${OUTBOUND_CALL_WARNING} Turn "Assistant Enabled" off or leave out the workflow to only create the chat.`,
		name: 'phoneVoiceNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...showOnly, channel: ['phone-voice'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnly },
		options: [
			{
				displayName: 'Assistant Chat Model ID',
				name: 'assistantChatModelId',
				type: 'string',
				default: '',
				description:
					'Chat model the assistant uses in this chat, instead of the workspace or workflow default',
			},
			{
				displayName: 'Assistant Enabled',
				name: 'assistantEnabled',
				type: 'boolean',
				default: true,
				description:
					'Whether the AI assistant runs the chat. Gravity Rail turns it on unless told otherwise.',
				hint: 'On a Phone Voice chat with a workflow, leaving this on places a real outbound call',
			},
			{
				displayName: 'Assistant Member ID',
				name: 'assistantMemberId',
				type: 'string',
				default: '',
				description: "A specific assistant member to run the chat instead of the workflow's agent",
			},
			{
				displayName: 'Assistant Realtime Model ID',
				name: 'assistantRealtimeModelId',
				type: 'string',
				default: '',
				description:
					'Realtime (voice) model the assistant uses in this chat, instead of the default',
			},
			{
				displayName: 'Chat Type',
				name: 'chatType',
				type: 'string',
				default: '',
				description: "Gravity Rail's classification of the chat, sent as given",
			},
			{
				displayName: 'Inbox ID',
				name: 'inboxId',
				type: 'string',
				default: '',
				description: 'Workspace inbox for an Email chat. Cannot be combined with Phone Number ID.',
			},
			{
				displayName: 'Initial Message',
				name: 'initialMessage',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description:
					'A first operator message, for Phone SMS or Email chats with the assistant off. If it cannot be sent (dispatch failed, member opted out, no phone or inbox) the chat is still created: the node outputs it with "initialMessageError" and shows a warning.',
			},
			{
				displayName: 'Is Test',
				name: 'isTest',
				type: 'boolean',
				default: false,
				description: 'Whether this is a test chat',
			},
			{
				displayName: 'Member ID',
				name: 'memberId',
				type: 'string',
				default: '',
				description:
					'The member the chat is for. Gravity Rail uses the member the API key belongs to when left empty.',
			},
			{
				displayName: 'Participants',
				name: 'participants',
				type: 'string',
				default: '',
				placeholder: '901, 902',
				description:
					'IDs of further members taking part, such as an assistant or operator member, comma-separated or an array',
			},
			{
				displayName: 'Phone Number ID',
				name: 'phoneNumberId',
				type: 'string',
				default: '',
				description:
					"Workspace phone number for a Phone SMS or Phone Voice chat; the workflow's default number is used when left empty. Cannot be combined with Inbox ID.",
			},
			{
				displayName: 'Site ID',
				name: 'siteId',
				type: 'string',
				default: '',
				description: 'The site the chat belongs to',
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'A title for the chat',
			},
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				description:
					'Workflow to run in this chat. Gravity Rail creates the workflow assignment itself. With Phone Voice and the assistant on, this places a real outbound call.',
			},
			{
				displayName: 'Workflow Version Number',
				name: 'workflowVersionNumber',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description:
					'The published workflow version to pin this chat to. Leave this field out to use the current version.',
			},
		],
	},
];

/** Text ID fields of the create body, by their API (and parameter) names and display names. */
const ID_FIELDS: Array<[string, string]> = [
	['workflowId', 'Workflow ID'],
	['memberId', 'Member ID'],
	['phoneNumberId', 'Phone Number ID'],
	['inboxId', 'Inbox ID'],
	['assistantMemberId', 'Assistant Member ID'],
	['assistantChatModelId', 'Assistant Chat Model ID'],
	['assistantRealtimeModelId', 'Assistant Realtime Model ID'],
	['siteId', 'Site ID'],
];

interface Prepared {
	path: string;
	body: IDataObject;
}

/** A text field left empty is not sent; one given is sent trimmed. */
function optionalText(fields: IDataObject, name: string): string | undefined {
	const value = fields[name];
	if (value === undefined || value === null) return undefined;
	const textValue = String(value).trim();
	return textValue === '' ? undefined : textValue;
}

function optionalBoolean(fields: IDataObject, name: string): boolean | undefined {
	return typeof fields[name] === 'boolean' ? (fields[name] as boolean) : undefined;
}

/** The warning shown in the editor when the chat was created but its initial message was not sent. */
function addInitialMessageWarning(
	ctx: IExecuteFunctions,
	itemIndex: number,
	chat: IDataObject,
): void {
	const reason = chat.initialMessageError;
	if (reason === undefined || reason === null || reason === '') return;
	const chatId = chat.id ?? chat.uuid;
	const message = `Item ${itemIndex}: the chat${chatId !== undefined ? ` ${String(chatId)}` : ''} was created, but its initial message was not sent (${String(reason)}). Reload the chat in Gravity Rail and send the message again.`;
	// addExecutionHints is missing in older n8n versions: there the chat's initialMessageError still shows the reason.
	ctx.addExecutionHints?.({ message, type: 'warning', location: 'outputPane' });
}

export const create: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const path = `${await workspacePath(this, i)}/chats`;
		const channel = this.getNodeParameter('channel', i) as string;
		if (!(CHANNELS as readonly string[]).includes(channel)) {
			throw invalid(
				node,
				i,
				'Channel',
				`must be one of ${CHANNELS.join(', ')}, got ${JSON.stringify(channel)}`,
			);
		}
		const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const ids = Object.fromEntries(ID_FIELDS.map(([name]) => [name, optionalText(fields, name)]));
		if (ids.phoneNumberId !== undefined && ids.inboxId !== undefined) {
			throw invalid(
				node,
				i,
				'Phone Number ID',
				'cannot be combined with Inbox ID',
				'Gravity Rail takes a phone number (Phone SMS / Phone Voice) or an inbox (Email), not both. Remove one of the two.',
			);
		}
		const participants =
			fields.participants === undefined
				? undefined
				: parseList(node, i, 'Participants', fields.participants, { unique: true });
		const workflowVersionNumber =
			fields.workflowVersionNumber === undefined ||
			fields.workflowVersionNumber === null ||
			fields.workflowVersionNumber === ''
				? undefined
				: requireInteger(node, i, 'Workflow Version Number', fields.workflowVersionNumber, {
						min: 1,
					});
		const initialMessage =
			fields.initialMessage === undefined || fields.initialMessage === ''
				? undefined
				: requireString(node, i, 'Initial Message', fields.initialMessage);
		const body = compact({
			channel,
			...ids,
			workflowVersionNumber,
			participants: participants && participants.length > 0 ? participants : undefined,
			assistantEnabled: optionalBoolean(fields, 'assistantEnabled'),
			initialMessage,
			title: optionalText(fields, 'title'),
			isTest: optionalBoolean(fields, 'isTest'),
			chatType: optionalText(fields, 'chatType'),
		});
		return { path, body };
	},

	async execute(this: IExecuteFunctions, i, { path, body }) {
		const response = await apiRequest<IDataObject>(this, gravityRailProfile, {
			method: 'POST',
			path,
			body,
			itemIndex: i,
		});
		addInitialMessageWarning(this, i, response.body);
		return response.body;
	},
};
