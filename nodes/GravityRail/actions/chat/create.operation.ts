import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { additionalFieldsCollection } from '../../../common/descriptions';
import {
	invalid,
	optionalText,
	parseList,
	requireInteger,
	requireString,
} from '../../../common/validate';
import { chatBody } from '../../helpers/chatFields';
import { addInitialMessageWarning } from '../../helpers/hints';
import type { ChatRequest } from '../../transport';
import { sendChatRequest, workspacePath } from '../../transport';
import {
	OUTBOUND_CALL_WARNING,
	chatSettingOptions,
	extraBodyFieldsProperty,
} from '../common.descriptions';

export const CHANNELS = ['web-chat', 'phone-sms', 'phone-voice', 'email'] as const;

/** Who and where the chat reaches: the create-only fields of CreateChatRequest. */
const reachOptions: INodeProperties[] = [
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
			'A first operator message, for Phone SMS or Email chats with the assistant off. If it cannot be sent (for example, the member opted out or has no phone or inbox), the chat is still created: the node outputs it with "initialMessageError" and shows a warning.',
	},
	{
		displayName: 'Member ID',
		name: 'memberId',
		type: 'string',
		default: '',
		description:
			'The member the chat is for, as a chat\'s "memberId" shows it. Left empty, Gravity Rail uses the member the API key belongs to.',
	},
	{
		displayName: 'Participants',
		name: 'participants',
		type: 'string',
		default: '',
		placeholder: '901, 902',
		description:
			'Member IDs of others taking part, such as an assistant or operator member. Comma-separated, or an array from an expression.',
	},
	{
		displayName: 'Phone Number ID',
		name: 'phoneNumberId',
		type: 'string',
		default: '',
		description:
			"Workspace phone number for a Phone SMS or Phone Voice chat. Left empty, the workflow's default number is used. Cannot be combined with Inbox ID.",
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
];

export const properties: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'Phone SMS', value: 'phone-sms', description: "Text messages to the member's phone" },
			{
				name: 'Phone Voice',
				value: 'phone-voice',
				description:
					'A phone call: with a workflow and the assistant on, creating the chat dials the member',
			},
			{ name: 'Web Chat', value: 'web-chat' },
		],
		default: 'web-chat',
		required: true,
		description: 'How the chat reaches the member',
	},
	{
		displayName: `${OUTBOUND_CALL_WARNING} Turn "Assistant Enabled" off or leave out the workflow to only create the chat.`,
		name: 'phoneVoiceNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { channel: ['phone-voice'] } },
	},
	additionalFieldsCollection(
		[...chatSettingOptions, ...reachOptions].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	),
	// The docs name the body fields but not their JSON types: IDs are sent as text.
	extraBodyFieldsProperty(
		'the fields above',
		'The node sends IDs as text: if your workspace expects numbers, set them here.',
		'{"memberId": 202}',
	),
];

export const operation: ItemOperation<ChatRequest> = {
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
		const phoneNumberId = optionalText(fields.phoneNumberId);
		const inboxId = optionalText(fields.inboxId);
		if (phoneNumberId !== undefined && inboxId !== undefined) {
			throw invalid(
				node,
				i,
				'Phone Number ID',
				'cannot be combined with Inbox ID',
				'Gravity Rail takes a phone number (Phone SMS or Phone Voice) or an inbox (Email), not both. Remove one of the two.',
			);
		}
		const participants =
			fields.participants === undefined
				? undefined
				: parseList(node, i, 'Participants', fields.participants, { unique: true });
		const workflowVersionNumber =
			optionalText(fields.workflowVersionNumber) === undefined
				? undefined
				: requireInteger(node, i, 'Workflow Version Number', fields.workflowVersionNumber, {
						min: 1,
					});
		const initialMessage =
			fields.initialMessage === undefined || fields.initialMessage === ''
				? undefined
				: requireString(node, i, 'Initial Message', fields.initialMessage);
		const own: IDataObject = {
			channel,
			workflowId: optionalText(fields.workflowId),
			memberId: optionalText(fields.memberId),
			phoneNumberId,
			inboxId,
			workflowVersionNumber,
			participants: participants && participants.length > 0 ? participants : undefined,
			initialMessage,
		};
		return { method: 'POST', path, body: chatBody(this, i, own, fields) };
	},

	async execute(this: IExecuteFunctions, i, request) {
		const chat = await sendChatRequest.call(this, i, request);
		addInitialMessageWarning(this, i, chat);
		return chat;
	},
};
