import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { OperationOptions, ResourceOptions } from '../common/descriptions';
import { operationSubtitle } from '../common/descriptions';
import { routeItems } from '../common/items';
import * as chatMessageSend from './actions/chatMessage/send.operation';
import * as chatMessageStop from './actions/chatMessage/stop.operation';
import * as completionMessageSend from './actions/completionMessage/send.operation';
import * as completionMessageStop from './actions/completionMessage/stop.operation';
import * as humanInputGetForm from './actions/humanInput/getForm.operation';
import * as humanInputSubmit from './actions/humanInput/submit.operation';
import type { DifyMap } from './actions/node.type';
import { operations } from './actions/router';
import * as workflowGetLogs from './actions/workflow/getLogs.operation';
import * as workflowGetRun from './actions/workflow/getRun.operation';
import * as workflowRun from './actions/workflow/run.operation';
import * as workflowStop from './actions/workflow/stop.operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Chat Message', value: 'chatMessage' },
			{ name: 'Completion Message', value: 'completionMessage' },
			{ name: 'Human Input', value: 'humanInput' },
			{ name: 'Workflow', value: 'workflow' },
		] satisfies ResourceOptions<DifyMap>,
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
				name: 'Send',
				value: 'send',
				action: 'Send a chat message',
				description:
					'Send a message to a Dify chat app and output its reply as one item: "answer", "conversation_id", "message_id", "task_id", "metadata" (usage, retriever_resources) like the blocking response, plus "status" (succeeded, paused, stopped), "reasoning", "agent_thoughts", "files", "workflow" and "form" (when a Human Input node pauses the run)',
			},
			{
				name: 'Stop',
				value: 'stop',
				action: 'Stop a chat message generation',
				description:
					'Stop a reply that is still streaming, by its task_id (Chatbot, Agent, Chatflow and New Agent apps). Outputs { result: "success", task_id }.',
			},
		] satisfies OperationOptions<DifyMap, 'chatMessage'>,
		default: 'send',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['completionMessage'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send a completion message',
				description:
					'Run a Text Generator app on its inputs and output the generated text as one item like Chat Message → Send: "answer", "message_id", "task_id", "metadata" (usage), "status"',
			},
			{
				name: 'Stop',
				value: 'stop',
				action: 'Stop a completion message generation',
				description:
					'Stop a Text Generator reply that is still streaming, by its task_id. Outputs { result: "success", task_id }.',
			},
		] satisfies OperationOptions<DifyMap, 'completionMessage'>,
		default: 'send',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['humanInput'] } },
		options: [
			{
				name: 'Get Form',
				value: 'getForm',
				action: 'Get a human input form',
				description:
					'Read the form a paused Chatflow or Workflow run waits on, by its form_token. Outputs Dify\'s form: "form_content", "inputs", "user_actions", "resolved_default_values", "expiration_time".',
			},
			{
				name: 'Submit',
				value: 'submit',
				action: 'Submit a human input form',
				description:
					'Answer a paused run\'s form (inputs and the chosen action) and, by default, follow the resumed run: outputs the same item as Chat Message → Send ("answer", "status", "workflow", and "form" when it pauses again)',
			},
		] satisfies OperationOptions<DifyMap, 'humanInput'>,
		default: 'getForm',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workflow'] } },
		options: [
			{
				name: 'Get Logs',
				value: 'getLogs',
				action: 'Get workflow logs',
				description:
					'List past runs of a Workflow or Chatflow app, newest first, one item per run: its ID, "workflow_run" (status, tokens, steps, timing), "created_by_end_user", "created_at"',
			},
			{
				name: 'Get Run',
				value: 'getRun',
				action: 'Get a workflow run',
				description:
					'Get one run by its workflow_run_id: "status", "inputs" (JSON text), "outputs", "error", "total_steps", "total_tokens", "elapsed_time"',
			},
			{
				name: 'Run',
				value: 'run',
				action: 'Run a workflow',
				description:
					'Run a Workflow app and output the run as one item: "data" (outputs, status, total_tokens, elapsed_time, ...) like the blocking response, plus "text", "nodes" (summary), "files", "status" and "form" when a Human Input node pauses it. Streamed and resumed after a broken connection.',
			},
			{
				name: 'Stop',
				value: 'stop',
				action: 'Stop a workflow task',
				description:
					'Stop a Workflow app run that is still streaming, by its task_id. Outputs { result: "success", task_id }.',
			},
		] satisfies OperationOptions<DifyMap, 'workflow'>,
		default: 'run',
	},
	...chatMessageSend.description,
	...chatMessageStop.description,
	...completionMessageSend.description,
	...completionMessageStop.description,
	...humanInputGetForm.description,
	...humanInputSubmit.description,
	...workflowGetLogs.description,
	...workflowGetRun.description,
	...workflowRun.description,
	...workflowStop.description,
];

export class Dify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dify',
		name: 'dify',
		icon: { light: 'file:dify.svg', dark: 'file:dify.dark.svg' },
		group: ['transform'],
		// 1.1: Simplify is on by default for new nodes (see simplifyProperties); version 1 nodes
		// keep the full item they always had.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: operationSubtitle(properties),
		description:
			'Chat with Dify apps, run their workflows and text generators, answer Human Input forms: replies streamed, resumed after a broken connection and aggregated into one item',
		defaults: { name: 'Dify' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'difyApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, operations);
	}
}
