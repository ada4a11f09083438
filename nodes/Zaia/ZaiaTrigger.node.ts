import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	DEFAULT_MAX_BODY_MB,
	answer,
	bodySize,
	callbackToItem,
	presentedSecret,
	readCallbackRequest,
	secretsMatch,
} from './callback';

export const MIN_SECRET_LENGTH = 16;

export class ZaiaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zaia Trigger',
		name: 'zaiaTrigger',
		icon: { light: 'file:zaia.svg', dark: 'file:zaia.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Export ready',
		description: 'Starts the workflow when Zaia delivers a chat-message export to this URL',
		defaults: { name: 'Zaia Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
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
				displayName:
					"Give Zaia this trigger's Production URL with <code>?secret=YOUR_SECRET</code> appended as the Callback URL of a Zaia node's Export (Send to URL). Zaia signs nothing itself: a request without the secret (query parameter or X-Zaia-Secret header) gets 401 and starts nothing. The trigger answers at once and then runs the workflow.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				description:
					'A long random string (at least 16 characters) that callers must present. Kept in the workflow (not in a credential) because it only guards this one URL; change it to revoke old callback URLs.',
			},
			{
				displayName: 'Download Linked File',
				name: 'downloadFile',
				type: 'boolean',
				default: false,
				description:
					'Whether to download the file when the callback is JSON pointing at a download address (a field like downloadUrl), and output it as binary. The JSON is output either way.',
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
							'Dot path of the download address in the JSON body. Empty: the first of downloadUrl, download_url, fileUrl, file_url, signedUrl, link, href (or a plain address field) found at the top level or under data, result, file, export or payload.',
					},
					{
						displayName: 'Max Body Size (MB)',
						name: 'maxBodySizeMb',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 512 },
						default: DEFAULT_MAX_BODY_MB,
						description: 'Bigger callbacks (and downloaded files) are refused with 413',
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

	/**
	 * Zaia has no API to register, list or delete webhooks: the callback URL travels with each export
	 * request. These hooks exist for n8n's lifecycle and do nothing.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const queryName = String(options.queryParameterName || 'secret');
		const headerName = String(options.headerName || 'x-zaia-secret').toLowerCase();
		const maxBytes = Math.round(Number(options.maxBodySizeMb || DEFAULT_MAX_BODY_MB) * 1024 * 1024);

		const request = await readCallbackRequest(this);
		const secret = this.getNodeParameter('secret', '') as unknown;
		const expected = typeof secret === 'string' ? secret : '';
		if (expected.length < MIN_SECRET_LENGTH) {
			// Fail closed: a trigger without a usable secret starts nothing.
			answer(this, 401, {
				error: 'Unauthorized',
				message: `The Zaia Trigger has no secret of at least ${MIN_SECRET_LENGTH} characters configured`,
			});
			return { noWebhookResponse: true };
		}
		if (!secretsMatch(presentedSecret(request, queryName, headerName), expected)) {
			answer(this, 401, { error: 'Unauthorized' });
			return { noWebhookResponse: true };
		}
		if (bodySize(request) > maxBytes) {
			answer(this, 413, { error: 'Payload Too Large', maxBytes });
			return { noWebhookResponse: true };
		}

		// Answer before any parsing or download, so the export service never waits on n8n.
		answer(this, 200, { received: true });
		const item = await callbackToItem(this, request, {
			downloadFile: this.getNodeParameter('downloadFile', false) as boolean,
			downloadUrlField: String(options.downloadUrlField ?? ''),
			maxBytes,
			binaryPropertyName: String(options.binaryPropertyName || 'data'),
			hiddenHeaders: [headerName],
			hiddenQuery: [queryName],
		});
		return { noWebhookResponse: true, workflowData: [[item]] };
	}
}
