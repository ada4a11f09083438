/**
 * Waiting executions: n8n's `/webhook-waiting/:executionId` endpoint for runs a `runNode` left
 * waiting (startWaitingServer). The waiting run is stored as JSON (as n8n's database holds it); a
 * request is handled the way n8n's WaitingWebhooks + WebhookHelpers.executeWebhook +
 * WorkflowRunner do: resume-token check, the waiting node disabled and its last run popped, the
 * node's `webhook()` called with the stored run data, and only when it returns workflow data the
 * execution continued. A request the node refuses changes nothing: the execution stays waiting.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWebhookData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { RunResult } from '../harness';
import { additionalDataFor, outputOf, workflowBase } from './execution';
import type { WebhookCredentials, WebhookHit } from './execution';
import { asN8nRequest, close, listen, recordResponse, send, track, waitFor } from './request';

interface StoredExecution {
	id: string;
	status: IRun['status'];
	mode: WorkflowExecuteMode;
	/** JSON of IRunExecutionData, as n8n's database holds it. */
	data: string;
	workflow: {
		id: string;
		name: string;
		nodes: INode[];
		connections: Workflow['connectionsBySourceNode'];
	};
	nodeTypes: INodeTypes;
	credentials: WebhookCredentials;
	waitTill?: string;
}

export interface WaitingServer {
	/** Give this as `additionalData.webhookWaitingBaseUrl` to `runNode`. */
	webhookWaitingBaseUrl: string;
	hits: Array<WebhookHit & { executionId: string }>;
	/**
	 * The execution exists and runs (n8n creates its row when it starts and stores it as waiting
	 * only after the run stops): until `store`, a call for it gets n8n's 409 "is running already"
	 * at once, instead of the grace wait calls for unknown executions get.
	 */
	markRunning(executionId: string): void;
	/** Keep a run that `runNode` left waiting, as n8n saves it to its database. */
	store(
		executionId: string,
		result: RunResult,
		options: WebhookCredentials & { mode?: WorkflowExecuteMode },
	): void;
	/** The stored execution as it is now: status and run data. */
	execution(
		executionId: string,
	): { status: IRun['status']; data: IRunExecutionData; waitTill?: string } | undefined;
	/** The time limit passed: continue the execution as n8n's WaitTracker does (waitTill still set, no webhook). */
	expire(executionId: string): Promise<IRun>;
	/** Resolves when the execution has been resumed and finished (or failed). */
	waitForFinish(executionId: string, timeoutMs?: number): Promise<IRun>;
	waitForHits(
		count: number,
		timeoutMs?: number,
	): Promise<Array<WebhookHit & { executionId: string }>>;
	stop(): Promise<void>;
}

export async function startWaitingServer(): Promise<WaitingServer> {
	const executions = new Map<string, StoredExecution>();
	const finishedRuns = new Map<string, IRun>();
	const hits: Array<WebhookHit & { executionId: string }> = [];

	const handle = async (
		req: IncomingMessage,
		res: ServerResponse,
		url: URL,
		hit: WebhookHit & { executionId: string },
	) => {
		const match = /^\/webhook-waiting\/([^/]+)(?:\/(.+))?$/.exec(url.pathname);
		if (!match) return send(res, 404, { message: 'Not found' });
		const [, executionId, suffix] = match;
		hit.executionId = executionId;
		// A callback can be quicker than the test's store() call that follows runNode: give it a moment.
		const stored = await waitFor(
			() => executions.get(executionId),
			2000,
			`execution ${executionId}`,
		).catch(() => undefined);
		if (!stored)
			return send(res, 404, { message: `The execution "${executionId}" does not exist.` });
		const runExecutionData = JSON.parse(stored.data) as IRunExecutionData;
		if (runExecutionData.resumeToken) {
			const given = Buffer.from(url.searchParams.get('signature') ?? '');
			const expected = Buffer.from(runExecutionData.resumeToken);
			if (given.length !== expected.length || !timingSafeEqual(given, expected))
				return send(res, 401, { error: 'Invalid token' });
		}
		if (stored.status === 'running')
			return send(res, 409, { message: `The execution "${executionId}" is running already.` });
		if (stored.status !== 'waiting')
			return send(res, 409, { message: `The execution "${executionId}" has finished already.` });

		const request = await asN8nRequest(req, url);
		const workflow = new Workflow({
			id: stored.workflow.id,
			name: stored.workflow.name,
			nodes: stored.workflow.nodes,
			connections: stored.workflow.connections,
			active: false,
			nodeTypes: stored.nodeTypes,
			settings: { executionOrder: 'v1' },
		});
		// WaitingWebhooks.getWebhookExecutionData: disable the waiting node, drop waitTill, pop its run.
		const lastNodeExecuted = runExecutionData.resultData.lastNodeExecuted as string;
		runExecutionData.executionData!.nodeExecutionStack[0].node.disabled = true;
		runExecutionData.waitTill = undefined;
		runExecutionData.resultData.runData[lastNodeExecuted].pop();
		const node = workflow.getNode(lastNodeExecuted);
		if (!node) return send(res, 404, { message: 'Could not find node to process webhook.' });
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const description = (nodeType.description.webhooks ?? []).find(
			(w) =>
				w.restartWebhook === true &&
				w.httpMethod === req.method &&
				String(w.path ?? '') === (suffix ?? ''),
		);
		if (!description || !nodeType.webhook) {
			return send(res, 404, {
				message: `The workflow for execution "${executionId}" does not contain a waiting webhook with a matching path/method.`,
			});
		}
		const { additionalData, finished } = additionalDataFor(
			stored.credentials,
			stored.mode,
			executionId,
			workflowBase(workflow),
			{
				httpRequest: request as never,
				httpResponse: res as never,
				webhookWaitingBaseUrl: `${base}/webhook-waiting`,
			},
		);
		const webhookData: IWebhookData = {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: node.name,
			path: String(description.path ?? ''),
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			stored.mode,
			webhookData,
			[],
			runExecutionData,
		);
		try {
			hit.result = await nodeType.webhook.call(context);
		} catch (error) {
			hit.error = error as Error;
			return send(res, 500, { message: 'Workflow Webhook Error: Workflow could not be started!' });
		}
		if (hit.result.noWebhookResponse !== true && hit.result.workflowData === undefined) {
			send(
				res,
				200,
				(hit.result.webhookResponse as IDataObject) ?? { message: 'Webhook call received' },
			);
		}
		// No workflow data: n8n does not continue and saves nothing, so the execution keeps waiting.
		if (hit.result.workflowData === undefined) return;
		if (hit.result.noWebhookResponse !== true) send(res, 200, { message: 'Workflow was started' });

		// prepareExecutionData: the webhook's output becomes the waiting node's (disabled) output.
		const entry = runExecutionData.executionData!.nodeExecutionStack[0];
		entry.data.main = hit.result.workflowData;
		entry.metadata = { ...entry.metadata, forwardAllOutputs: true };
		stored.status = 'running';
		const execution = new WorkflowExecute(additionalData, stored.mode, runExecutionData);
		await execution.processRunExecutionData(workflow);
		const run = await finished;
		stored.status = run.status;
		stored.data = JSON.stringify(run.data);
		stored.waitTill = run.waitTill ? new Date(run.waitTill).toISOString() : undefined;
		finishedRuns.set(executionId, run);
		hit.run = run;
		hit.items = outputOf(run, node.name);
	};

	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const recorded = recordResponse(res);
		const hit: WebhookHit & { executionId: string } = {
			method: req.method ?? 'GET',
			path: url.pathname,
			status: 0,
			responseBody: '',
			executionId: '',
		};
		handle(req, res, url, hit)
			.catch((error) => {
				hit.error = error as Error;
				send(res, 500, { message: String((error as Error).message) });
			})
			.finally(() => {
				const { status, body } = recorded();
				hit.status = status;
				hit.responseBody = body;
				hits.push(hit);
			});
	});
	const sockets = track(server);
	const base = await listen(server);

	return {
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		hits,
		markRunning(executionId) {
			executions.set(executionId, {
				id: executionId,
				status: 'running',
				mode: 'manual',
				data: JSON.stringify({ resultData: { runData: {} } }),
				workflow: { id: 'wf-test', name: 'test', nodes: [], connections: {} },
				nodeTypes: undefined as unknown as INodeTypes,
				credentials: {},
			});
		},
		store(executionId, result, options) {
			if (result.status !== 'waiting') throw new Error(`The run is ${result.status}, not waiting`);
			const workflow = result.workflow;
			executions.set(executionId, {
				id: executionId,
				status: 'waiting',
				mode: options.mode ?? 'manual',
				data: JSON.stringify(result.run.data),
				workflow: {
					id: workflow.id,
					name: workflow.name ?? 'test',
					nodes: JSON.parse(JSON.stringify(Object.values(workflow.nodes))) as INode[],
					connections: JSON.parse(JSON.stringify(workflow.connectionsBySourceNode)),
				},
				nodeTypes: workflow.nodeTypes,
				credentials: options,
				waitTill: result.run.waitTill ? new Date(result.run.waitTill).toISOString() : undefined,
			});
		},
		async expire(executionId) {
			const stored = executions.get(executionId);
			if (!stored || stored.status !== 'waiting')
				throw new Error(`execution ${executionId} is not waiting`);
			const runExecutionData = JSON.parse(stored.data) as IRunExecutionData;
			runExecutionData.waitTill = new Date(stored.waitTill ?? Date.now());
			const workflow = new Workflow({
				id: stored.workflow.id,
				name: stored.workflow.name,
				nodes: stored.workflow.nodes,
				connections: stored.workflow.connections,
				active: false,
				nodeTypes: stored.nodeTypes,
				settings: { executionOrder: 'v1' },
			});
			const { additionalData, finished } = additionalDataFor(
				stored.credentials,
				stored.mode,
				executionId,
				workflowBase(workflow),
				{
					webhookWaitingBaseUrl: `${base}/webhook-waiting`,
				},
			);
			stored.status = 'running';
			// WorkflowExecute.handleWaitingState disables the waiting node and drops its last run.
			await new WorkflowExecute(
				additionalData,
				stored.mode,
				runExecutionData,
			).processRunExecutionData(workflow);
			const run = await finished;
			stored.status = run.status;
			stored.data = JSON.stringify(run.data);
			finishedRuns.set(executionId, run);
			return run;
		},
		execution(executionId) {
			const stored = executions.get(executionId);
			return stored
				? {
						status: stored.status,
						data: JSON.parse(stored.data) as IRunExecutionData,
						waitTill: stored.waitTill,
					}
				: undefined;
		},
		waitForFinish: async (executionId, timeoutMs = 5000) =>
			await waitFor(
				() => finishedRuns.get(executionId),
				timeoutMs,
				`execution ${executionId} to finish`,
			),
		waitForHits: async (count, timeoutMs = 5000) =>
			await waitFor(
				() => (hits.length >= count ? hits : undefined),
				timeoutMs,
				`${count} resume request(s)`,
			),
		stop: async () => await close(server, sockets),
	};
}
