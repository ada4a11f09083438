/**
 * Trigger webhooks: a trigger node's `webhook()` behind a real HTTP server on 127.0.0.1
 * (startTriggerServer), handed each request through n8n-core's WebhookContext and answered as n8n
 * does; when it returns workflow data the workflow runs with it through WorkflowExecute. Also the
 * node's webhook lifecycle methods as n8n calls them at activation (runWebhookMethod).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

import { HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	IRunExecutionData,
	IWebhookData,
	IWebhookDescription,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { NODE_NAME, NodeTypes, PACKAGE } from '../harness';
import { additionalDataFor, outputOf, workflowBase } from './execution';
import type { WebhookCredentials, WebhookHit } from './execution';
import { asN8nRequest, close, listen, recordResponse, send, track, waitFor } from './request';

export interface TriggerServerOptions extends WebhookCredentials {
	node: INodeType;
	parameters: INodeParameters;
	mode?: WorkflowExecuteMode;
	/** Which of the node's webhook descriptions (by name); default 'default'. */
	webhookName?: string;
	/** The node's typeVersion in the workflow; default 1. */
	typeVersion?: number;
	/** The node's webhookId (part of its URL); default a new UUID per workflow built. */
	webhookId?: string;
	/**
	 * The workflow's static data, shared by every workflow built with the same object (as n8n
	 * keeps it in the database between activation and the webhook calls); default a new one.
	 */
	staticData?: IDataObject;
	/** The instance's webhook base URL (n8n's WEBHOOK_URL + /webhook) for getNodeWebhookUrl. */
	webhookBaseUrl?: string;
}

export interface TriggerServer {
	/** The URL the node's webhook is served at (like its Production URL). */
	url: string;
	hits: WebhookHit[];
	waitForHits(count: number, timeoutMs?: number): Promise<WebhookHit[]>;
	stop(): Promise<void>;
}

/** The one-node workflow a trigger test runs in (as n8n builds it from the saved workflow). */
function triggerWorkflow(options: TriggerServerOptions) {
	const nodeTypeName = `${PACKAGE}.${options.node.description.name}`;
	const nodeTypes = new NodeTypes({ [nodeTypeName]: options.node });
	const description = (options.node.description.webhooks ?? []).find(
		(w) => w.name === (options.webhookName ?? 'default'),
	);
	if (!description)
		throw new Error(
			`${options.node.description.name} has no webhook named ${options.webhookName ?? 'default'}`,
		);
	const node: INode = {
		id: 'trigger-under-test',
		name: NODE_NAME,
		type: nodeTypeName,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		webhookId: options.webhookId ?? randomUUID(),
		credentials: Object.fromEntries(
			(options.node.description.credentials ?? []).map((c) => [
				c.name,
				{ id: `${c.name}-id`, name: c.name },
			]),
		),
	};
	const workflow = new Workflow({
		id: 'wf-trigger',
		name: 'trigger test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		settings: { executionOrder: 'v1' },
		staticData: options.staticData,
	});
	// the Workflow constructor filled in the parameters' defaults, as n8n does for a saved workflow
	return { node: workflow.getNode(NODE_NAME)!, workflow, description };
}

/**
 * Run one of the trigger's webhook lifecycle methods the way n8n's WebhookService does at
 * activation (`activation` 'activate', mode 'trigger') or for the editor's "Listen for test event"
 * (both 'manual'), through n8n-core's HookContext. Rejects with the node's error when it refuses.
 */
export async function runWebhookMethod(
	options: TriggerServerOptions & {
		method: 'checkExists' | 'create' | 'delete';
		activation?: WorkflowActivateMode;
	},
): Promise<boolean | undefined> {
	const { node, workflow, description } = triggerWorkflow(options);
	const mode = options.mode ?? (options.activation === 'manual' ? 'manual' : 'trigger');
	const { additionalData } = additionalDataFor(
		options,
		mode,
		`exec-${randomUUID()}`,
		workflowBase(workflow),
		options.webhookBaseUrl ? { webhookBaseUrl: options.webhookBaseUrl } : {},
	);
	const webhookData: IWebhookData = {
		httpMethod: description.httpMethod as IWebhookData['httpMethod'],
		node: node.name,
		path: String(description.path ?? ''),
		webhookDescription: description as IWebhookDescription,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
	const hook = options.node.webhookMethods?.[description.name]?.[options.method];
	if (!hook) return undefined;
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		mode,
		options.activation ?? 'activate',
		webhookData,
	);
	return await hook.call(context);
}

export async function startTriggerServer(options: TriggerServerOptions): Promise<TriggerServer> {
	const { node, workflow, description } = triggerWorkflow(options);
	const mode = options.mode ?? 'webhook';
	const path = `/webhook/${node.webhookId}/${String(description.path ?? '')}`.replace(/\/+$/, '');
	const hits: WebhookHit[] = [];

	const server = createServer((req, res) => {
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const recorded = recordResponse(res);
			const hit: WebhookHit = {
				method: req.method ?? 'GET',
				path: url.pathname,
				status: 0,
				responseBody: '',
			};
			try {
				if (url.pathname !== path)
					return send(res, 404, { message: 'The requested webhook is not registered.' });
				if (req.method !== description.httpMethod)
					return send(res, 404, {
						message: `This webhook is not registered for ${req.method} requests.`,
					});
				const request = await asN8nRequest(req, url);
				const executionId = `exec-${randomUUID()}`;
				const { additionalData, finished } = additionalDataFor(
					options,
					mode,
					executionId,
					workflowBase(workflow),
					{
						httpRequest: request as never,
						httpResponse: res as never,
					},
				);
				const webhookData: IWebhookData = {
					httpMethod: description.httpMethod as IWebhookData['httpMethod'],
					node: node.name,
					path: String(description.path ?? ''),
					webhookDescription: description as IWebhookDescription,
					workflowId: workflow.id,
					workflowExecuteAdditionalData: additionalData,
					webhookId: node.webhookId,
				};
				const context = new WebhookContext(
					workflow,
					node,
					additionalData,
					mode,
					webhookData,
					[],
					null,
				);
				try {
					hit.result = await options.node.webhook!.call(context);
				} catch (error) {
					hit.error = error as Error;
					return send(res, 500, {
						message: 'Workflow Webhook Error: Workflow could not be started!',
					});
				}
				if (!hit.result.noWebhookResponse) {
					if (hit.result.workflowData === undefined)
						send(
							res,
							200,
							(hit.result.webhookResponse as IDataObject) ?? { message: 'Webhook call received' },
						);
					else send(res, 200, { message: 'Workflow was started' });
				}
				if (hit.result.workflowData) {
					const runData: IRunExecutionData = createRunExecutionData({
						executionData: {
							nodeExecutionStack: [{ node, data: { main: hit.result.workflowData }, source: null }],
						},
					});
					const execution = new WorkflowExecute(additionalData, mode, runData);
					await execution.processRunExecutionData(workflow);
					hit.run = await finished;
					hit.items = outputOf(hit.run, node.name);
				}
			} finally {
				const { status, body } = recorded();
				hit.status = status;
				hit.responseBody = body;
				hits.push(hit);
			}
		})().catch((error) => {
			if (!res.headersSent) send(res, 500, { message: String((error as Error).message) });
		});
	});
	const sockets = track(server);
	const base = await listen(server);
	return {
		url: `${base}${path}`,
		hits,
		waitForHits: async (count, timeoutMs = 5000) =>
			await waitFor(
				() => (hits.length >= count ? hits : undefined),
				timeoutMs,
				`${count} webhook request(s)`,
			),
		stop: async () => await close(server, sockets),
	};
}
