import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getWorkspaces } from './methods/listSearch';
import { requireUsableTriggerSecret, testTriggerSecret } from './trigger/secret';
import { receiveChatMessage } from './trigger/webhook';

export class ClickUpChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ClickUp Chat Trigger',
		name: 'clickUpChatTrigger',
		icon: { light: 'file:clickUpChat.svg', dark: 'file:clickUpChat.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Message posted',
		// n8n shows the trigger's description on the app's entry in the node panel
		description:
			'Send, read and react to ClickUp Chat messages; start a workflow when a message is posted in a channel',
		defaults: { name: 'ClickUp Chat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'clickUpChatTriggerApi',
				required: true,
				testedBy: 'clickUpChatTriggerSecretTest',
				// shown on every version (list new ones here): a condition of its own, because n8n's
				// editor counts a credential without displayOptions as one of the Authentication
				// choices and lists the ClickUp Chat credentials in its select instead of the secrets
				displayOptions: { show: { '@version': [1] } },
			},
			{
				name: 'clickUpChatApi',
				required: true,
				displayOptions: { show: { authentication: ['accessToken'] } },
			},
			{
				name: 'clickUpChatOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'clickup-chat',
			},
		],
		properties: [
			{
				displayName:
					"Set up in ClickUp, in the channel: <b>Automate</b> (lightning bolt) → <b>Create Automation</b> → Trigger <b>Message is posted</b> → Action <b>Call webhook</b> → <b>Create webhook</b>:<br>1. Webhook URL: this node's URL followed by <code>?channel_id=</code> and the dynamic field <b>Channel ID</b>, then <code>&amp;comment_id=</code> and the dynamic field <b>Comment ID</b> (the names must match Options → Channel ID URL Field and Comment ID URL Field).<br>2. Custom headers → Add: the Header Name and the Secret of the ClickUp Chat Trigger credential.<br>3. Create the webhook, save the Automation and publish this workflow.<br>A call without the secret is refused (401) and starts nothing. The trigger reads each message back through the Chat API, so the ClickUp Chat credential must see the channel.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'OAuth2', value: 'oAuth2' },
					{ name: 'Personal API Token', value: 'accessToken' },
				],
				default: 'accessToken',
				description: 'How the trigger signs in to read the posted message',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Message Posted',
						value: 'messagePosted',
						description:
							"A message or reply was posted in the channel (ClickUp's Message is posted)",
					},
				],
				default: 'messagePosted',
			},
			{
				displayName: 'Workspace',
				name: 'workspaceId',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				required: true,
				description:
					"The ClickUp Workspace of the channel (ClickUp's webhook does not say). By ID takes the number in your Workspace's address, e.g. 9012345678 in app.clickup.com/9012345678/home.",
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						typeOptions: { searchListMethod: 'getWorkspaces', searchable: true },
					},
					{
						displayName: 'By ID',
						name: 'id',
						type: 'string',
						placeholder: '9012345678',
						validation: [
							{
								type: 'regex',
								properties: {
									regex: '^\\s*[0-9]+\\s*$',
									errorMessage: 'A Workspace ID is a number, e.g. 9012345678',
								},
							},
						],
					},
				],
			},
			{
				displayName: 'Messages',
				name: 'messageKind',
				type: 'options',
				options: [
					{ name: 'All Messages', value: 'all', description: 'Top-level messages and replies' },
					{
						name: 'Only Replies',
						value: 'replies',
						description: "Only replies in a message's thread",
					},
					{
						name: 'Only Top-Level Messages',
						value: 'topLevel',
						description: 'Only messages posted in the channel itself, not replies',
					},
				],
				default: 'all',
				description: 'Which posted messages start the workflow',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Channel ID URL Field',
						name: 'channelIdField',
						type: 'string',
						default: 'channel_id',
						description:
							"The query parameter of the webhook URL that carries ClickUp's Channel ID dynamic field",
					},
					{
						displayName: 'Comment ID URL Field',
						name: 'commentIdField',
						type: 'string',
						default: 'comment_id',
						description:
							"The query parameter of the webhook URL that carries ClickUp's Comment ID dynamic field (the message's ID)",
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
						description: 'Format of the message content in the output (ClickUp default: Markdown)',
					},
					{
						displayName: 'Ignore Own Messages',
						name: 'ignoreOwnMessages',
						type: 'boolean',
						default: true,
						description:
							"Whether to ignore messages posted by the user of the ClickUp Chat credential, such as this workflow's own replies (otherwise every reply would start the workflow again)",
					},
					{
						displayName: 'Max Body Size (KB)',
						name: 'maxBodySizeKb',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 16384 },
						default: 256,
						description: 'Calls with a larger body are refused (413) and start nothing',
					},
					{
						displayName: 'Only From User IDs',
						name: 'userIds',
						type: 'string',
						default: '',
						placeholder: '183, 4560123',
						description:
							'Comma-separated ClickUp user IDs: only their messages start the workflow. Empty: everyone.',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: { clickUpChatTriggerSecretTest: testTriggerSecret },
		listSearch: { getWorkspaces },
	};

	/**
	 * ClickUp has no API for chat webhooks: the Automation is set up by hand in the channel.
	 * Activation and "Listen for test event" only check that the trigger has a usable secret.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await requireUsableTriggerSecret(this);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await requireUsableTriggerSecret(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveChatMessage(this);
	}
}
