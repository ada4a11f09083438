import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { concurrencyOption, routeItems } from '../common/items';
import * as create from './actions/chatMessage/create.operation';
import * as exportOperation from './actions/chatMessage/export.operation';
import * as getAll from './actions/chatMessage/getAll.operation';
import {
	DEFAULT_MAX_BODY_MB,
	TOKEN_QUERY_PARAMETER,
	answer,
	bodySize,
	callbackToItem,
	readCallbackRequest,
	resumeToken,
	secretsMatch,
} from './callback';

/**
 * "Wait for the Export": start the export with this execution's resume URL (plus a token only the
 * credential can produce) as callback URL, and put the execution to wait in n8n's database.
 */
async function waitForExport(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = ctx.getNode();
	const items = ctx.getInputData();
	if (items.length !== 1) {
		throw new NodeOperationError(
			node,
			`Wait for the Export handles one input item per execution, got ${items.length}`,
			{
				description:
					'Use Deliver To → Send to URL with a Zaia Trigger to export for several items, or split the items into separate executions.',
			},
		);
	}
	const { body } = exportOperation.prepareExport(ctx, 0);
	const waitTill = exportOperation.waitTillFrom(ctx);
	if (typeof ctx.putExecutionToWait !== 'function') {
		throw new NodeOperationError(
			node,
			'This n8n version cannot put executions to wait; use Deliver To → Send to URL',
		);
	}
	const executionId = ctx.getExecutionId();
	const resumeUrl = String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0) ?? '');
	if (!executionId || !resumeUrl.includes(executionId)) {
		throw new NodeOperationError(node, 'n8n did not provide a resume URL for this execution', {
			itemIndex: 0,
		});
	}
	const credentials = await ctx.getCredentials('zaiaApi', 0);
	const url = new URL(resumeUrl);
	url.searchParams.set(TOKEN_QUERY_PARAMETER, resumeToken(credentials, executionId, node.id));
	const callbackUrl = exportOperation.checkCallbackUrl(
		ctx,
		0,
		"n8n's resume URL (set WEBHOOK_URL to the public https address of n8n)",
		url.toString(),
	);

	await exportOperation.startExport(ctx, 0, { ...body, callbackUrl });
	await ctx.putExecutionToWait(waitTill);
	return [items];
}

export class Zaia implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zaia',
		name: 'zaia',
		icon: { light: 'file:zaia.svg', dark: 'file:zaia.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read, create and export chat messages with the Zaia public API',
		defaults: { name: 'Zaia' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zaiaApi', required: true }],
		webhooks: [
			{
				// Only used to resume an execution waiting in Export → Wait for the Export.
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '',
				restartWebhook: true,
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Chat Message', value: 'chatMessage' }],
				default: 'chatMessage',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['chatMessage'] } },
				options: [
					{
						name: 'Create',
						value: 'create',
						action: 'Create a chat message',
						description:
							'Post a message to a chat. Outputs the created message as Zaia returns it.',
					},
					{
						name: 'Export',
						value: 'export',
						action: 'Export chat messages',
						description:
							"Ask Zaia to export the messages of a period (at most 6 months). Send to URL outputs Zaia's acknowledgement; Wait for the Export pauses the execution and outputs the export itself.",
					},
					{
						name: 'Get Many',
						value: 'getAll',
						action: 'Get many chat messages',
						description: 'Read the messages of a chat. Outputs one item per message.',
					},
				],
				default: 'getAll',
			},
			...getAll.description,
			...create.description,
			...exportOperation.description,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [concurrencyOption],
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

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		if (operation === 'export' && this.getNodeParameter('deliverTo', 0, 'url') === 'wait') {
			return await waitForExport(this);
		}
		return await routeItems(this, {
			chatMessage: {
				getAll: getAll.getAll,
				create: create.create,
				export: exportOperation.exportToUrl,
			},
		});
	}

	/** Zaia's callback for an execution waiting in Export → Wait for the Export. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = await readCallbackRequest(this);
		const executionId = this.getExecutionId();
		const given = request.query[TOKEN_QUERY_PARAMETER];
		let expected = '';
		if (executionId) {
			const credentials = await this.getCredentials('zaiaApi');
			expected = resumeToken(credentials, executionId, this.getNode().id);
		}
		if (!secretsMatch(typeof given === 'string' ? given : undefined, expected)) {
			// n8n keeps the execution waiting when no workflow data is returned.
			answer(this, 401, { error: 'Unauthorized' });
			return { noWebhookResponse: true };
		}
		const maxBytes = DEFAULT_MAX_BODY_MB * 1024 * 1024;
		if (bodySize(request) > maxBytes) {
			answer(this, 413, { error: 'Payload Too Large', maxBytes });
			return { noWebhookResponse: true };
		}
		answer(this, 200, { received: true });
		const item = await callbackToItem(this, request, {
			downloadFile: this.getNodeParameter('downloadFile', false) as boolean,
			maxBytes,
			binaryPropertyName: 'data',
			hiddenHeaders: [],
			hiddenQuery: [TOKEN_QUERY_PARAMETER, 'signature'],
		});
		(item.json as IDataObject).callbackReceived = true;
		return { noWebhookResponse: true, workflowData: [[item]] };
	}
}
