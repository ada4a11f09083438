import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requireUsableSigning, testSigningSecret } from './trigger/secret';
import { receiveEvent } from './trigger/webhook';

export class GravityRailTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gravity Rail Trigger',
		name: 'gravityRailTrigger',
		icon: { light: 'file:gravityRail.svg', dark: 'file:gravityRail.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Event Rule webhook',
		// n8n shows the trigger's description on the app's entry in the node panel
		description:
			'Work with Gravity Rail chats and members; start a workflow when an Event Rule in a Gravity Rail workspace fires',
		defaults: { name: 'Gravity Rail Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'gravityRailTriggerApi', required: true, testedBy: 'gravityRailTriggerSecretTest' },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'gravity-rail',
			},
		],
		properties: [
			{
				displayName:
					"Set up in Gravity Rail (there is no API for it): open <b>Event Rules</b>, create or edit a rule for the events you want, add the action <b>Webhook</b> and:<br>1. URL: this node's <b>Production URL</b> (Gravity Rail calls only public HTTPS addresses).<br>2. Turn <b>signing</b> on and copy the secret it shows into the Gravity Rail Trigger credential.<br>3. Save the rule and publish this workflow.<br>A call without a valid signature, or signed more than 5 minutes ago, is refused (401) and starts nothing. Gravity Rail retries a call that failed up to 5 times: the trigger knows a retry by its signature (Gravity Rail's docs name no delivery ID), so it starts the workflow once, but a retry of an unsigned rule may start it again.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{
						name: 'All',
						value: 'all',
						description: 'Every event the Event Rule sends',
					},
					{
						name: 'Chat / Call',
						value: 'chat',
						description: 'Events whose name starts with chat: or call:',
					},
					{
						name: 'Data Record',
						value: 'dataRecord',
						description: 'Events whose name starts with data_record:, e.g. data_record:created',
					},
					{
						name: 'Member',
						value: 'member',
						description: 'Events whose name starts with member:',
					},
				],
				default: ['all'],
				description:
					"Which of the Event Rule's events start the workflow, by the family in the body's event field. Gravity Rail's docs name data_record:created and speak of member and call/chat events; the prefixes of the other families are a guess, so use Event Names for an exact name. Others are answered 200 and start nothing.",
			},
			{
				displayName: 'Event Names',
				name: 'eventNames',
				type: 'string',
				default: '',
				placeholder: 'data_record:created, member:updated',
				description:
					'Comma-separated exact event names that also start the workflow, for names the families above do not cover (the docs do not list every name). Empty with no Events selected: every event.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Max Body Size (KB)',
						name: 'maxBodySizeKb',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 16384 },
						default: 256,
						description: 'Calls with a larger body are refused (413) and start nothing',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: { gravityRailTriggerSecretTest: testSigningSecret },
	};

	/**
	 * Gravity Rail has no API for Event Rule webhooks: the rule is set up by hand in the app.
	 * Activation and "Listen for test event" only check that the credential can check the calls.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await requireUsableSigning(this);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await requireUsableSigning(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveEvent(this);
	}
}
