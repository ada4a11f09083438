/**
 * The engine harness for action nodes: runNode() runs one node (after a start node holding the
 * test's items) through n8n-core's real WorkflowExecute, with credentials from TestCredentialsHelper
 * and the additionalData an n8n on 127.0.0.1:5678 would give; webhook.ts builds on it.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	INodeTypeDescription,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	NodeExecutionHint,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { observeOutput } from './outputSchema';

export const PACKAGE = 'n8n-nodes-chat-connectors';
const START_TYPE = 'test.items';

/** A minimal trigger-less start node: emits the items given in its `items` parameter. */
class ItemsSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Emits test items',
		defaults: { name: 'Start' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | INodeExecutionData[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as INodeExecutionData[];
		return [
			items.map((item, i) => ({
				...item,
				pairedItem: { item: 0 },
				json: { ...item.json, _index: i },
			})),
		];
	}
}

/** The node types a test workflow knows, by full type name. */
export class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType = this.types[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type) as INodeType;
	}

	getKnownTypes() {
		return {};
	}
}

/**
 * What n8n's runner hands WorkflowExecute: lifecycle hooks (resolving `finished` when the run ends)
 * and the additionalData an instance on 127.0.0.1:5678 would provide. Used by action and webhook runs.
 */
export function executionEnvironment(
	credentialsHelper: TestCredentialsHelper,
	mode: WorkflowExecuteMode,
	executionId: string,
	workflowData: IWorkflowBase,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
	onHooks?: (hooks: ExecutionLifecycleHooks) => void,
): { additionalData: IWorkflowExecuteAdditionalData; finished: Promise<IRun> } {
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	let finish!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
	onHooks?.(hooks);
	const additionalData = {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		userId: 'user-1',
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used here');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
	return { additionalData, finished };
}

export interface RunOptions {
	/** The node under test (an instance). */
	node: INodeType;
	credentialTypes?: ICredentialType[];
	/** Credential values by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	parameters: INodeParameters;
	/** Input items for the node (json only or full items with binary). */
	items?: Array<IDataObject | INodeExecutionData>;
	continueOnFail?: boolean;
	mode?: WorkflowExecuteMode;
	/** Called once the execution is running: cancel() aborts it like the editor's Stop button. */
	onStarted?: (control: { cancel: () => void }) => void;
	/** Extra additionalData fields (e.g. webhookWaitingBaseUrl, streamingEnabled, httpResponse). */
	additionalData?: Partial<IWorkflowExecuteAdditionalData>;
	/** Add lifecycle handlers the way n8n's runner does (e.g. `sendChunk` for streaming executions). */
	onHooks?: (hooks: ExecutionLifecycleHooks) => void;
	/** Workflow Settings (e.g. `timezone`), merged over the harness's `executionOrder: 'v1'`. */
	workflowSettings?: IWorkflowSettings;
	/** The node's version in the workflow (default 1). */
	typeVersion?: number;
	/** The node's full type name (default `n8n-nodes-chat-connectors.<name>`; n8n grants the HTTP Request node any credential only as `n8n-nodes-base.httpRequest`). */
	nodeType?: string;
	/** Credential types to set on the node besides those its description lists (e.g. the HTTP Request node's predefined credential). */
	extraCredentials?: string[];
	/** Check the output against the operation's `__schema__` file (default true; benchmarks turn it off: it is not the node's time). */
	checkOutputSchema?: boolean;
}

export interface RunResult {
	/** Output items of the node under test (first output), or [] when it failed. */
	items: INodeExecutionData[];
	/** All outputs of the node under test. */
	outputs: INodeExecutionData[][];
	/** The node's error when the execution failed at it. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	hints: NodeExecutionHint[];
	status: IRun['status'];
	run: IRun;
	workflow: Workflow;
}

export const NODE_NAME = 'Node Under Test';

/**
 * Runs `Start -> Node Under Test` through n8n-core's WorkflowExecute: real parameter resolution and
 * expressions, real credential application, the real per-node context and request helpers.
 */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const nodeTypeName = options.nodeType ?? `${PACKAGE}.${options.node.description.name}`;
	const nodeTypes = new NodeTypes({
		[START_TYPE]: new ItemsSource(),
		[nodeTypeName]: options.node,
	});
	const credentialTypes = Object.fromEntries(
		(options.credentialTypes ?? []).map((t) => [t.name, t]),
	);
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, options.credentials ?? {});

	const items = (options.items ?? [{}]).map((item) =>
		'json' in item && typeof item.json === 'object'
			? (item as INodeExecutionData)
			: { json: item as IDataObject },
	);

	const nodes: INode[] = [
		{
			id: 'start',
			name: 'Start',
			type: START_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: items as unknown as INodeParameters[] },
		},
		{
			id: 'under-test',
			name: NODE_NAME,
			type: nodeTypeName,
			typeVersion: options.typeVersion ?? 1,
			position: [200, 0],
			parameters: options.parameters,
			continueOnFail: options.continueOnFail,
			onError: options.continueOnFail ? 'continueRegularOutput' : undefined,
			credentials: Object.fromEntries(
				[
					...(options.node.description.credentials ?? []).map((c) => c.name),
					...(options.extraCredentials ?? []),
				].map((name) => [name, { id: `${name}-id`, name }]),
			),
		},
	];
	const connections = {
		Start: { main: [[{ node: NODE_NAME, type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1', ...options.workflowSettings },
	});

	const mode = options.mode ?? 'manual';
	const executionId = `exec-${Math.random().toString(36).slice(2)}`;
	const workflowData: IWorkflowBase = {
		id: 'wf-test',
		name: 'test',
		active: false,
		isArchived: false,
		nodes,
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as unknown as IWorkflowBase;
	const { additionalData, finished: done } = executionEnvironment(
		credentialsHelper,
		mode,
		executionId,
		workflowData,
		options.additionalData,
		options.onHooks,
	);

	const runExecutionData: IRunExecutionData = {
		version: 1,
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;

	const execute = new WorkflowExecute(additionalData, mode, runExecutionData);
	let execution: ReturnType<WorkflowExecute['processRunExecutionData']>;
	try {
		execution = execute.processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose parameters have issues (required, regex validation)
		return {
			items: [],
			outputs: [],
			error: error as RunResult['error'],
			hints: [],
			status: 'error',
			run: undefined as unknown as IRun,
			workflow,
		};
	}
	options.onStarted?.({ cancel: () => execution.cancel() });
	await execution.catch(() => undefined);
	const run = await done;

	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((o) => o ?? []);
	if (run.status === 'success' && !taskData?.error && options.checkOutputSchema !== false)
		observeOutput(options.node.description, workflow.getNode(NODE_NAME), outputs[0] ?? []);
	return {
		items: outputs[0] ?? [],
		outputs,
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
		hints: (taskData?.hints ?? []) as NodeExecutionHint[],
		status: run.status,
		run,
		workflow,
	};
}
