import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { checkExists, create, remove } from './trigger/lifecycle';
import { receiveEvent } from './trigger/webhook';

export class DevRevTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DevRev Trigger',
		name: 'devRevTrigger',
		icon: { light: 'file:devRev.svg', dark: 'file:devRev.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		// n8n shows the trigger's description on the app's entry in the node panel
		description:
			'Open DMs and support conversations in DevRev, post and react to messages; start a workflow when a comment is posted or a conversation or work item changes',
		defaults: { name: 'DevRev Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'devRevApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'devrev',
			},
		],
		properties: [
			{
				displayName:
					"The trigger registers its own DevRev webhook when the workflow is published and removes it when unpublished; the DevRev credential's token must be allowed to manage webhooks. DevRev calls this node's URL, so n8n must be reachable from the internet.<br>Guessed where DevRev's API reference is silent: the signature (the X-DevRev-Signature header, the hex HMAC-SHA256 of the body keyed with the webhook's secret) and the 300-second timestamp window. A call that fails either check is refused and starts nothing.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'Conversation Created',
						value: 'conversation_created',
						description: 'A support conversation was started',
					},
					{
						name: 'Conversation Deleted',
						value: 'conversation_deleted',
						description: 'A conversation was deleted',
					},
					{
						name: 'Conversation Updated',
						value: 'conversation_updated',
						description: "A conversation's stage, title, members or other fields changed",
					},
					{
						name: 'Timeline Comment Created',
						value: 'timeline_entry_created',
						description:
							'A comment (message) was posted on a DM, conversation, ticket or other object: the message case',
					},
					{
						name: 'Timeline Comment Deleted',
						value: 'timeline_entry_deleted',
						description: 'A comment was deleted',
					},
					{
						name: 'Timeline Comment Updated',
						value: 'timeline_entry_updated',
						description: 'A comment was edited or reacted to',
					},
					{
						name: 'Work Created',
						value: 'work_created',
						description: 'An issue, ticket, task or opportunity was created',
					},
					{ name: 'Work Deleted', value: 'work_deleted', description: 'A work item was deleted' },
					{ name: 'Work Updated', value: 'work_updated', description: 'A work item changed' },
				],
				default: ['timeline_entry_created'],
				description:
					'The DevRev events that start the workflow (other timeline entries than comments, e.g. change events, are skipped)',
			},
			{
				displayName: 'Only This Object',
				name: 'objectId',
				type: 'string',
				default: '',
				placeholder: 'e.g. don:core:dvrv-us-1:devo/0:conversation/12 or CONV-12',
				description:
					"Only events about this DM, conversation or work item (its ID or display ID): for comments, the object they are posted on; otherwise the conversation's or work item's own ID. Empty: every object.",
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Ignore Own Comments',
						name: 'ignoreOwnComments',
						type: 'boolean',
						default: true,
						description:
							"Whether to skip comments written by the DevRev credential's own user, such as this workflow's replies (otherwise every reply would start the workflow again)",
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
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'toleranceSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 300,
						description:
							"Events whose timestamp is further than this from now are refused as replays (DevRev names no value: 300 is a guess). 0: don't check.",
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveEvent(this);
	}
}
