/**
 * Webhook side of the engine harness (harness.ts runs action nodes; this file runs webhooks).
 *
 * - `startTriggerServer` puts a trigger node's `webhook()` behind a real HTTP server on 127.0.0.1:
 *   each request is read the way n8n's webhook server reads it (raw body kept, JSON / text /
 *   form-urlencoded parsed), handed to n8n-core's real WebhookContext, answered like n8n does
 *   (the node's own answer, or `onReceived`'s 200), and when the node returns workflow data the
 *   workflow is run with it through WorkflowExecute.
 * - `startWaitingServer` plays n8n's `/webhook-waiting/:executionId` endpoint for executions a
 *   `runNode` left waiting: the waiting run is stored as JSON (as n8n's database would hold it),
 *   and a request is handled the way n8n's WaitingWebhooks + WebhookHelpers.executeWebhook +
 *   WorkflowRunner do: resume-token check when the execution has one, the waiting node disabled,
 *   its last run popped, the node's `webhook()` called through WebhookContext with the stored run
 *   data, and — only when it returns workflow data — that data put on the node's stack entry
 *   (forwardAllOutputs) and the execution continued with WorkflowExecute.processRunExecutionData.
 *   A request the node refuses changes nothing: the execution stays waiting.
 * Not covered (real n8n only): multipart bodies (formidable), binary data kept in a file store,
 * queue-mode job hand-off, the editor's test webhooks.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';

import { HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { executionEnvironment, NODE_NAME, NodeTypes, PACKAGE } from './harness';
import type { RunResult } from './harness';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface WebhookCredentials {
	credentialTypes?: ICredentialType[];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}

/** One request the server handled. */
export interface WebhookHit {
	method: string;
	path: string;
	status: number;
	responseBody: string;
	/** What the node's webhook() returned (undefined when it threw). */
	result?: IWebhookResponseData;
	error?: Error;
	/** The workflow run the request started or resumed, when there was one. */
	run?: IRun;
	/** The output of the webhook node in that run. */
	items?: INodeExecutionData[];
}

type N8nRequest = IncomingMessage & {
	rawBody?: Buffer;
	readRawBody: () => Promise<void>;
	body?: unknown;
	query: IDataObject;
	params: IDataObject;
	contentType?: string;
	encoding?: BufferEncoding;
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES)
			throw Object.assign(new Error('request entity too large'), { status: 413 });
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** The request as n8n's webhook server prepares it (raw body reader + parseBody for parsable types). */
async function asN8nRequest(req: IncomingMessage, url: URL): Promise<N8nRequest> {
	const r = req as N8nRequest;
	const [type, ...params] = String(req.headers['content-type'] ?? '').split(';');
	r.contentType = type.trim().toLowerCase() || undefined;
	const charset = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('charset='));
	r.encoding = (charset ? charset.split('=')[1].toLowerCase() : 'utf-8') as BufferEncoding;
	r.rawBody = await readBody(req);
	r.readRawBody = async () => {};
	const query: IDataObject = {};
	for (const key of new Set(url.searchParams.keys())) {
		const all = url.searchParams.getAll(key);
		query[key] = all.length > 1 ? all : all[0];
	}
	r.query = query;
	r.params = {};
	if (r.rawBody.length) {
		const text = () => r.rawBody!.toString(r.encoding);
		if (r.contentType === 'application/json') r.body = JSON.parse(text());
		else if (r.contentType === 'application/x-www-form-urlencoded')
			r.body = parseQueryString(text());
		else if (r.contentType === 'text/plain') r.body = text();
	}
	return r;
}

function send(res: ServerResponse, status: number, body: IDataObject) {
	if (res.headersSent) return;
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

/** Captures what was written to a response, for the record. */
function recordResponse(res: ServerResponse): () => { status: number; body: string } {
	const chunks: Buffer[] = [];
	const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
	(res as unknown as { end: (...args: unknown[]) => ServerResponse }).end = (
		...args: unknown[]
	) => {
		if (args[0] !== undefined && typeof args[0] !== 'function')
			chunks.push(Buffer.from(args[0] as string));
		return end(...args);
	};
	return () => ({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') });
}

function additionalDataFor(
	credentials: WebhookCredentials,
	mode: WorkflowExecuteMode,
	executionId: string,
	workflowData: IWorkflowBase,
	extra: Partial<IWorkflowExecuteAdditionalData>,
): { additionalData: IWorkflowExecuteAdditionalData; finished: Promise<IRun> } {
	const types = Object.fromEntries((credentials.credentialTypes ?? []).map((t) => [t.name, t]));
	return executionEnvironment(
		new TestCredentialsHelper(types, credentials.credentials ?? {}),
		mode,
		executionId,
		workflowData,
		extra,
	);
}

function workflowBase(workflow: Workflow): IWorkflowBase {
	return {
		id: workflow.id,
		name: workflow.name,
		active: false,
		isArchived: false,
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as unknown as IWorkflowBase;
}

async function listen(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server, sockets: Set<import('node:net').Socket>) {
	for (const socket of sockets) socket.destroy();
	await new Promise<void>((resolve) => server.close(() => resolve()));
}

function track(server: Server) {
	const sockets = new Set<import('node:net').Socket>();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	return sockets;
}

async function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

function outputOf(run: IRun | undefined, nodeName: string): INodeExecutionData[] | undefined {
	const task = run?.data.resultData.runData[nodeName]?.at(-1);
	return task?.data?.main?.[0] ?? undefined;
}

// ---------------------------------------------------------------------------------------------
// Trigger webhooks

export interface TriggerServerOptions extends WebhookCredentials {
	node: INodeType;
	parameters: INodeParameters;
	mode?: WorkflowExecuteMode;
	/** Which of the node's webhook descriptions (by name); default 'default'. */
	webhookName?: string;
	/** The node's typeVersion in the workflow; default 1. */
	typeVersion?: number;
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
		webhookId: randomUUID(),
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
		{},
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

// ---------------------------------------------------------------------------------------------
// Waiting executions (resume)

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
