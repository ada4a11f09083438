import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { invalid, optionalText, requireString, requireUuid } from '../../../common/validate';
import { zaiaProfile } from '../../transport';
import { UUID_PLACEHOLDER, chatIdProperty, chatThreadIdProperty } from '../common.descriptions';

export const MAX_CONTENT = 4000;
const NAMED_EXTENSIONS = ['png', 'pdf', 'md', 'txt'];

export const properties: INodeProperties[] = [
	chatIdProperty(
		'The chat to post the message to (a UUID). After a Chat Message → Send or Get Many step, drag its chatId here.',
	),
	{
		displayName: 'Sender ID',
		name: 'senderId',
		type: 'string',
		default: '',
		required: true,
		placeholder: UUID_PLACEHOLDER,
		description:
			"Who sends the message: the UUID of an agent, squad, user or external user (a message's senderId), not the chat's ID",
	},
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: [
			{ name: 'Support', value: 'support', description: 'A human support agent' },
			{ name: 'User', value: 'user', description: 'The customer side of the chat' },
		],
		default: 'user',
		description: 'Which side of the chat the message is from',
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'Any news about order #4411?',
		description: 'The message text, at most 4000 characters',
	},
	additionalFieldsCollection([
		{
			displayName: 'Attachments',
			name: 'attachments',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attachment',
			default: {},
			options: [
				{
					displayName: 'Attachment',
					name: 'attachment',
					values: [
						{
							displayName: 'Type',
							name: 'extension',
							type: 'options',
							options: [
								{ name: 'Markdown (.Md)', value: 'md' },
								{ name: 'PDF', value: 'pdf' },
								{ name: 'PNG Image', value: 'png' },
								{ name: 'Text (.Txt)', value: 'txt' },
								{ name: 'WAV Audio', value: 'wav' },
							],
							default: 'png',
						},
						{
							displayName: 'File',
							name: 'file',
							type: 'string',
							default: '',
							description: "The file's identifier or path in Zaia",
						},
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							description: 'The name shown for the file, 3 to 50 characters',
							displayOptions: { show: { extension: ['png', 'pdf', 'md', 'txt'] } },
						},
						{
							displayName: 'Mode',
							name: 'mode',
							type: 'options',
							options: [
								{ name: 'Attachment', value: 'attachment', description: 'Sent as an attachment' },
								{ name: 'Message', value: 'message', description: 'Sent as the main message' },
							],
							default: 'attachment',
							displayOptions: { show: { extension: ['wav'] } },
						},
					],
				},
			],
		},
		chatThreadIdProperty(
			"The thread to post in (a UUID), as a message's chatThreadId shows it. Left empty, the message is in no thread.",
		),
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: 'Your own reference for the message, 3 to 250 characters',
		},
	]),
];

interface Prepared {
	body: IDataObject;
}

function readAttachments(ctx: IExecuteFunctions, i: number, raw: unknown): IDataObject[] {
	const node = ctx.getNode();
	const entries = ((raw as IDataObject | undefined)?.attachment ?? []) as IDataObject[];
	return entries.map((entry, n) => {
		const label = `Attachment ${n + 1}`;
		const extension = String(entry.extension ?? '');
		const file = requireString(node, i, `${label} → File`, entry.file, { min: 1 });
		if (NAMED_EXTENSIONS.includes(extension)) {
			const name = requireString(node, i, `${label} → Name`, entry.name, { min: 3, max: 50 });
			return { file, extension, name };
		}
		if (extension === 'wav') {
			const mode = String(entry.mode ?? '');
			if (mode !== 'attachment' && mode !== 'message') {
				throw invalid(
					node,
					i,
					`${label} → Mode`,
					`must be "attachment" or "message" for a WAV file, got ${JSON.stringify(entry.mode)}`,
				);
			}
			return { file, extension, mode };
		}
		throw invalid(
			node,
			i,
			`${label} → Type`,
			`must be one of png, pdf, md, txt, wav, got ${JSON.stringify(entry.extension)}`,
		);
	});
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const chatId = requireUuid(node, i, 'Chat ID', this.getNodeParameter('chatId', i));
		const senderId = requireUuid(node, i, 'Sender ID', this.getNodeParameter('senderId', i));
		const role = String(this.getNodeParameter('role', i));
		if (role !== 'user' && role !== 'support')
			throw invalid(node, i, 'Role', `must be "user" or "support", got ${JSON.stringify(role)}`);
		const content = requireString(node, i, 'Content', this.getNodeParameter('content', i, ''), {
			min: 0,
			max: MAX_CONTENT,
		});
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const threadText = optionalText(extra.chatThreadId);
		const chatThreadId =
			threadText === undefined ? null : requireUuid(node, i, 'Chat Thread ID', threadText);
		const externalId =
			optionalText(extra.externalId) === undefined
				? null
				: requireString(node, i, 'External ID', extra.externalId, { min: 3, max: 250 });
		const attachments = readAttachments(this, i, extra.attachments);
		// Every key is required by Zaia's schema: optional values are sent as null, never left out.
		return {
			body: { chatId, chatThreadId, content, externalId, senderId, role, detail: { attachments } },
		};
	},

	async execute(this: IExecuteFunctions, i, { body }) {
		const response = await apiRequest<IDataObject>(this, zaiaProfile, {
			method: 'POST',
			path: '/api/v1/chat-messages',
			body,
			itemIndex: i,
		});
		return response.body;
	},
};
