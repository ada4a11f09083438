/**
 * Chat Message → Export with Deliver To "Wait for the Export": the node's execute() asks Zaia for
 * the export with this execution's signed resume URL as callback URL and puts the execution to
 * wait; its webhook() receives Zaia's callback and outputs the export.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
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
 * The resume token: HMAC-SHA256 over the execution and node IDs and this wait's one-time value
 * (newWaitNonce), with a key from the credential (its Callback Secret, or a key derived from the
 * API key). Stateless for n8n's processes (any main or worker can check it); the one-time value
 * makes every wait of the node its own token, so a loop or Retry On Fail never reuses one.
 * Without a one-time value (an execution that started waiting before it existed) the token covers
 * the two IDs alone.
 */
export function resumeToken(
	credentials: IDataObject,
	executionId: string,
	nodeId: string,
	nonce?: string,
): string {
	const callbackSecret =
		typeof credentials.callbackSecret === 'string' ? credentials.callbackSecret : '';
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	const key =
		callbackSecret !== ''
			? callbackSecret
			: createHmac('sha256', apiKey).update('zaia-n8n-export-callback-key/v1').digest('hex');
	const scope =
		nonce === undefined
			? `zaia-export-resume/v1\n${executionId}\n${nodeId}`
			: `zaia-export-resume/v2\n${executionId}\n${nodeId}\n${nonce}`;
	return createHmac('sha256', key).update(scope).digest('base64url');
}

/** The execution's custom data (kept with the execution, so the resume on any process reads it). */
interface CustomData {
	set(key: string, value: string): void;
	get(key: string): unknown;
}

/** n8n releases whose contexts have `customData` use it; older ones reach it through $execution. */
function customDataOf(ctx: IExecuteFunctions | IWebhookFunctions): CustomData {
	let data: CustomData | undefined;
	try {
		data = (ctx as { customData?: CustomData }).customData;
	} catch {
		data = undefined;
	}
	if (data && typeof data.set === 'function' && typeof data.get === 'function') return data;
	return {
		set: (key, value) =>
			void ctx.evaluateExpression(
				`{{ $execution.customData.set(${JSON.stringify(key)}, ${JSON.stringify(value)}) }}`,
				0,
			),
		get: (key) =>
			ctx.evaluateExpression(`{{ $execution.customData.get(${JSON.stringify(key)}) }}`, 0),
	};
}

/** The custom-data key that holds a node's one-time value (letters, digits and _ only, as n8n asks). */
export function waitNonceKey(nodeId: string): string {
	return `zaiaWait_${createHash('sha256').update(nodeId).digest('hex').slice(0, 24)}`;
}

/** A fresh one-time value for this wait, stored with the execution; refuses when n8n cannot keep it. */
function newWaitNonce(ctx: IExecuteFunctions): string {
	const nonce = randomBytes(18).toString('base64url');
	const key = waitNonceKey(ctx.getNode().id);
	const data = customDataOf(ctx);
	try {
		data.set(key, nonce);
	} catch {
		// checked below
	}
	if (data.get(key) !== nonce) {
		throw new NodeOperationError(
			ctx.getNode(),
			"Wait for the Export could not keep its one-time value in the execution's custom data",
			{
				description:
					'n8n keeps at most 10 custom data entries per execution and this one has them all. Set fewer (Execution Data node, $execution.customData) before this node.',
			},
		);
	}
	return nonce;
}

/** The one-time value of the wait a resume call is for, when the execution has one. */
function storedWaitNonce(ctx: IWebhookFunctions): string | undefined {
	let value: unknown;
	try {
		value = customDataOf(ctx).get(waitNonceKey(ctx.getNode().id));
	} catch {
		value = undefined;
	}
	return typeof value === 'string' && value !== '' ? value : undefined;
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
	const token = resumeToken(credentials, executionId, node.id, newWaitNonce(ctx));
	const url = new URL(resumeUrl);
	url.searchParams.set(TOKEN_QUERY_PARAMETER, token);
	const callbackUrl = await checkCallbackUrl(
		ctx,
		0,
		"n8n's resume URL (set WEBHOOK_URL to the public https address of n8n)",
		url.toString(),
		"set n8n's WEBHOOK_URL to its public HTTPS address",
	);

	// The last step: see the callback race above.
	await startExport(ctx, 0, { ...body, callbackUrl }, [token]);
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
				return resumeToken(credentials, executionId, ctx.getNode().id, storedWaitNonce(ctx));
			},
		},
		maxBytes: DEFAULT_MAX_BODY_MB * 1024 * 1024,
		item: {
			downloadFile: ctx.getNodeParameter('downloadFile', false) as boolean,
			downloadCredential: CREDENTIAL,
			maxBytes: DEFAULT_MAX_BODY_MB * 1024 * 1024,
			binaryPropertyName: 'data',
			hiddenHeaders: [],
			hiddenQuery: [TOKEN_QUERY_PARAMETER, 'signature'],
		},
		toOutput: exportFirst,
	});
}
