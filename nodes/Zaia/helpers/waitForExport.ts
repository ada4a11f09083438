/**
 * Chat Message → Export with Deliver To "Wait for the Export": the node's execute() asks Zaia for
 * the export with this execution's signed resume URL as callback URL and puts the execution to
 * wait; its webhook() receives Zaia's callback and outputs the export.
 */
import { createHmac } from 'node:crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MAX_BODY_MB, receiveExportCallback } from '../callback/flow';
import { checkCallbackUrl, prepareExport, startExport, waitTillFrom } from './exportRequest';

export const TOKEN_QUERY_PARAMETER = 'zaiaToken';
/** The credential the token is derived from. */
const CREDENTIAL = 'zaiaApi';

/**
 * The resume token: HMAC-SHA256 over the execution and node IDs with a key from the credential
 * (its Callback Secret, or a key derived from the API key). Stateless, so any main or worker
 * process can check it.
 */
export function resumeToken(credentials: IDataObject, executionId: string, nodeId: string): string {
	const callbackSecret =
		typeof credentials.callbackSecret === 'string' ? credentials.callbackSecret : '';
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	const key =
		callbackSecret !== ''
			? callbackSecret
			: createHmac('sha256', apiKey).update('zaia-n8n-export-callback-key/v1').digest('hex');
	return createHmac('sha256', key)
		.update(`zaia-export-resume/v1\n${executionId}\n${nodeId}`)
		.digest('base64url');
}

/** Whether this run of the node is an Export that waits for its callback. */
export function isWaitForExport(ctx: IExecuteFunctions): boolean {
	return (
		ctx.getNodeParameter('operation', 0) === 'export' &&
		ctx.getNodeParameter('deliverTo', 0, 'url') === 'wait'
	);
}

/**
 * Check everything, then ask for the export as the very last step and wait.
 *
 * The callback race: n8n stores the execution as waiting only after the node has returned and the
 * run has stopped; until then its waiting-webhook endpoint answers any call with 409 ("is running
 * already") before node code runs, so a node can neither delay the request until after the save
 * nor answer such a call itself. Hence the export request comes last (nothing runs between it and
 * the save but n8n's own bookkeeping), and a callback lost that way leaves a plain outcome: the
 * execution waits until its Time Limit, then passes its input on without `callbackReceived`, which
 * a workflow can branch on. Zaia builds exports asynchronously ("a POST will be made to
 * callbackUrl when ready"), so its callback normally comes long after the save.
 */
export async function waitForExport(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
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
	const { body } = prepareExport(ctx, 0);
	const waitTill = waitTillFrom(ctx);
	if (typeof ctx.putExecutionToWait !== 'function') {
		throw new NodeOperationError(node, 'This n8n version cannot put executions to wait', {
			description: 'Use Deliver To → Send to URL with a Zaia Trigger instead.',
		});
	}
	const executionId = ctx.getExecutionId();
	const resumeUrl = String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0) ?? '');
	if (!executionId || !resumeUrl.includes(executionId)) {
		throw new NodeOperationError(node, 'n8n did not provide a resume URL for this execution', {
			itemIndex: 0,
		});
	}
	const credentials = await ctx.getCredentials(CREDENTIAL, 0);
	const url = new URL(resumeUrl);
	url.searchParams.set(TOKEN_QUERY_PARAMETER, resumeToken(credentials, executionId, node.id));
	const callbackUrl = await checkCallbackUrl(
		ctx,
		0,
		"n8n's resume URL (set WEBHOOK_URL to the public https address of n8n)",
		url.toString(),
		"set n8n's WEBHOOK_URL to its public HTTPS address",
	);

	// The last step: see the callback race above.
	await startExport(ctx, 0, { ...body, callbackUrl });
	await ctx.putExecutionToWait(waitTill);
	return [items];
}

/**
 * The output of a resumed execution: what the user came for first — the export's own fields as
 * Zaia sent them (its field names) — then `callbackReceived: true`, then how it arrived
 * (`callback`: format, file, download details, headers, query, time). A body that is not a JSON
 * object (a file), or one that already has these two names, stays under `callback.body`.
 */
export function exportFirst(received: INodeExecutionData): INodeExecutionData {
	const { body, ...delivery } = received.json;
	const spread =
		!!body &&
		typeof body === 'object' &&
		!Array.isArray(body) &&
		!('callbackReceived' in body) &&
		!('callback' in body);
	const json: IDataObject = spread ? { ...(body as IDataObject) } : {};
	json.callbackReceived = true;
	json.callback = spread || body === undefined ? delivery : { ...delivery, body };
	return { ...received, json };
}

/** Zaia's callback for an execution waiting in Export → Wait for the Export. */
export async function resumeWithExport(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await receiveExportCallback(ctx, {
		access: {
			presented: (request) => {
				const given = request.query[TOKEN_QUERY_PARAMETER];
				return typeof given === 'string' ? given : undefined;
			},
			expected: async () => {
				const executionId = ctx.getExecutionId();
				if (!executionId) return '';
				const credentials = await ctx.getCredentials(CREDENTIAL);
				return resumeToken(credentials, executionId, ctx.getNode().id);
			},
		},
		maxBytes: DEFAULT_MAX_BODY_MB * 1024 * 1024,
		item: {
			downloadFile: ctx.getNodeParameter('downloadFile', false) as boolean,
			maxBytes: DEFAULT_MAX_BODY_MB * 1024 * 1024,
			binaryPropertyName: 'data',
			hiddenHeaders: [],
			hiddenQuery: [TOKEN_QUERY_PARAMETER, 'signature'],
		},
		toOutput: exportFirst,
	});
}
