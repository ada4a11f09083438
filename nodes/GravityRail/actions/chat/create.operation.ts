import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import {
	compact,
	invalid,
	optionalText,
	parseList,
	requireInteger,
	requireString,
} from '../../../common/validate';
import { readChatSettings } from '../../helpers/chatFields';
import { addInitialMessageWarning } from '../../helpers/hints';
import { gravityRailProfile, workspacePath } from '../../transport';
import { OUTBOUND_CALL_WARNING, chatSettingOptions } from '../common.descriptions';

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
			'A first operator message, for Phone SMS or Email chats with the assistant off. If it cannot be sent (dispatch failed, member opted out, no phone or inbox) the chat is still created: the node outputs it with "initialMessageError" and shows a warning.',
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
	},
	{
		displayName: `${OUTBOUND_CALL_WARNING} Turn "Assistant Enabled" off or leave out the workflow to only create the chat.`,
		name: 'phoneVoiceNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { channel: ['phone-voice'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...chatSettingOptions, ...reachOptions].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

interface Prepared {
	path: string;
	body: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
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
				'Gravity Rail takes a phone number (Phone SMS / Phone Voice) or an inbox (Email), not both. Remove one of the two.',
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
		const body = compact({
			channel,
			workflowId: optionalText(fields.workflowId),
			memberId: optionalText(fields.memberId),
			phoneNumberId,
			inboxId,
			workflowVersionNumber,
			participants: participants && participants.length > 0 ? participants : undefined,
			initialMessage,
			...readChatSettings(fields),
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
