/**
 * What a webhook's workflow run needs in the harness: the credentials it may use, the record of
 * one request (WebhookHit), n8n-core's additional data for the run, and the run's output.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeExecutionData,
	IRun,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { TestCredentialsHelper } from '../credentials-helper';
import { executionEnvironment } from '../harness';

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

export function additionalDataFor(
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

export function workflowBase(workflow: Workflow): IWorkflowBase {
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

export function outputOf(
	run: IRun | undefined,
	nodeName: string,
): INodeExecutionData[] | undefined {
	const task = run?.data.resultData.runData[nodeName]?.at(-1);
	return task?.data?.main?.[0] ?? undefined;
}
