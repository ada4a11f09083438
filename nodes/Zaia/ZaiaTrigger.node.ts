import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DEFAULT_MAX_BODY_MB } from './callback/flow';
import { requireUsableTriggerSecret, testTriggerSecret } from './trigger/secret';
import { receiveTriggerCallback } from './trigger/webhook';

export class ZaiaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zaia Trigger',
		name: 'zaiaTrigger',
		icon: { light: 'file:zaia.svg', dark: 'file:zaia.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: 'Export ready',
		// n8n shows the trigger's description on the app's entry in the node panel (Zaia + Zaia Trigger)
		description:
			'Post, read and export Zaia chat messages; start a workflow when an export arrives',
		defaults: { name: 'Zaia Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'zaiaTriggerApi',
				required: true,
				testedBy: 'zaiaTriggerSecretTest',
				displayOptions: { show: { authentication: ['credential'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'zaia-export',
			},
		],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Export Delivered',
						value: 'exportDelivered',
						description: 'Zaia delivered a chat-message export to this URL',
					},
				],
				default: 'exportDelivered',
			},
			{
				displayName:
					"1. Set a secret of at least 16 characters (the trigger does not activate without one).<br>2. Copy this trigger's Production URL and append <code>?secret=YOUR_SECRET</code>.<br>3. Use that as the Callback URL of a Zaia node's Chat Message → Export (Send to URL).<br>A call without the secret (in the query or the <code>X-Zaia-Secret</code> header) is refused and starts nothing.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Secret Storage',
				name: 'authentication',
				type: 'options',
				options: [
					{
						name: 'Secret in the Node (Legacy)',
						value: 'nodeSecret',
						description: 'The secret travels inside the workflow JSON',
					},
					{
						name: 'Zaia Trigger Credential',
						value: 'credential',
						description: 'The secret stays out of exported and shared workflow JSON',
					},
				],
				default: 'nodeSecret',
				description: 'Where the secret callers must present is kept',
				displayOptions: { show: { '@version': [1] } },
			},
			{
				displayName: 'Secret Storage',
				name: 'authentication',
				type: 'hidden',
				default: 'credential',
				displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				description:
					'A long random string (at least 16 characters) that callers must present. It is saved in the workflow; prefer Secret Storage → Zaia Trigger Credential.',
				displayOptions: { show: { authentication: ['nodeSecret'] } },
			},
			{
				displayName: 'Download Linked File',
				name: 'downloadFile',
				type: 'boolean',
				default: false,
				description:
					'Whether to download the file when the callback points at a download address (a field like downloadUrl), and output it as binary. The JSON is output either way.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Binary Property',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						description: 'Name of the binary property the export file is put in',
					},
					{
						displayName: 'Download URL Field',
						name: 'downloadUrlField',
						type: 'string',
						default: '',
						placeholder: 'result.fileUrl',
						description:
							'Where the download address is in the JSON body, as a dot path. Left empty, the node looks for the usual names (downloadUrl, fileUrl, signedUrl, link, href, …) at the top level and under data, result, file, export or payload.',
					},
					{
						displayName: 'Max Body Size (MB)',
						name: 'maxBodySizeMb',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 512 },
						default: DEFAULT_MAX_BODY_MB,
						description: 'Callbacks (and downloaded files) above this size are refused',
					},
					{
						displayName: 'Secret Header Name',
						name: 'headerName',
						type: 'string',
						default: 'x-zaia-secret',
						description: 'Header that may carry the secret instead of the query parameter',
					},
					{
						displayName: 'Secret Query Parameter',
						name: 'queryParameterName',
						type: 'string',
						default: 'secret',
						description: 'Query parameter that carries the secret in the URL given to Zaia',
					},
				],
			},
		],
	};

	methods = { credentialTest: { zaiaTriggerSecretTest: testTriggerSecret } };

	/**
	 * Zaia has no API to register, list or delete webhooks: the callback URL travels with each
	 * export request. Activation and "Listen for test event" only check that the trigger has a
	 * usable secret, and refuse with a message saying what to set when it has not.
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
		return await receiveTriggerCallback(this, this.getNodeParameter('options', {}) as IDataObject);
	}
}
