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
import * as appGetInfo from './actions/app/getInfo.operation';
import * as appGetMeta from './actions/app/getMeta.operation';
import * as appGetParameters from './actions/app/getParameters.operation';
import * as chatMessageGetSuggested from './actions/chatMessage/getSuggested.operation';
import * as chatMessageSend from './actions/chatMessage/send.operation';
import * as conversationDelete from './actions/conversation/delete.operation';
import * as conversationGetMany from './actions/conversation/getMany.operation';
import * as conversationGetMessages from './actions/conversation/getMessages.operation';
import * as conversationGetVariables from './actions/conversation/getVariables.operation';
import * as conversationRename from './actions/conversation/rename.operation';
import * as conversationUpdateVariable from './actions/conversation/updateVariable.operation';
import * as fileUpload from './actions/file/upload.operation';
import * as messageFeedbackCreate from './actions/messageFeedback/create.operation';
import * as messageFeedbackGetMany from './actions/messageFeedback/getMany.operation';
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
			{ name: 'App', value: 'app' },
			{ name: 'Chat Message', value: 'chatMessage' },
			{ name: 'Completion Message', value: 'completionMessage' },
			{ name: 'Conversation', value: 'conversation' },
			{ name: 'File', value: 'file' },
			{ name: 'Human Input', value: 'humanInput' },
			{ name: 'Message Feedback', value: 'messageFeedback' },
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
				name: 'Get Suggested Questions',
				value: 'getSuggested',
				action: 'Get suggested questions for a message',
				description:
					'Get the follow-up questions Dify suggests after an answer (the app needs "suggested questions after answer" on). Outputs one item: "message_id" and "data", the list of questions.',
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
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a conversation',
				description:
					'Delete a conversation of the user, with its messages. Outputs "deleted": true and the "conversation_id".',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many conversations',
				description:
					'List the conversations of one user, most recently active first. Outputs one item per conversation: its ID, "name", "inputs", "status", "introduction", "created_at", "updated_at".',
			},
			{
				name: 'Get Messages',
				value: 'getMessages',
				action: 'Get the messages of a conversation',
				description:
					'Read the history of a conversation: with a Limit, its latest messages. Outputs one item per message, oldest first: its ID, "query", "answer", "feedback", "message_files", "agent_thoughts", token counts, "created_at".',
			},
			{
				name: 'Get Variables',
				value: 'getVariables',
				action: 'Get the variables of a conversation',
				description:
					'List the conversation variables a Chatflow or chat app keeps across turns. Outputs one item per variable: its ID, "name", "value_type", "value", "description".',
			},
			{
				name: 'Rename',
				value: 'rename',
				action: 'Rename a conversation',
				description:
					'Give a conversation a name, or let Dify generate one from its messages. Outputs the conversation with its new "name".',
			},
			{
				name: 'Update Variable',
				value: 'updateVariable',
				action: 'Update a conversation variable',
				description:
					'Set the value of one conversation variable (it must keep its value_type). Outputs the updated variable.',
			},
		] satisfies OperationOptions<DifyMap, 'conversation'>,
		default: 'getMany',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['messageFeedback'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Rate a message',
				description:
					'Rate an answer like or dislike, with an optional comment, or revoke the rating. Outputs "result": "success", "message_id" and "rating".',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many message feedbacks',
				description:
					'List the feedback on the app\'s messages, from end users and from the Dify console. Outputs one item per feedback: "message_id", "conversation_id", "rating", "content", "from_source", timestamps.',
			},
		] satisfies OperationOptions<DifyMap, 'messageFeedback'>,
		default: 'create',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a file',
				description:
					'Upload a file of the input item to Dify for the same User, to attach to a later chat message or workflow run. Outputs Dify\'s file record: its ID (the upload_file_id to reference), "name", "size", "extension", "mime_type".',
			},
		] satisfies OperationOptions<DifyMap, 'file'>,
		default: 'upload',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['app'] } },
		options: [
			{
				name: 'Get Info',
				value: 'getInfo',
				action: 'Get app info',
				description:
					'Get the name, description, tags, mode (chat, agent-chat, advanced-chat, workflow, completion, agent) and author of the app the API key belongs to. Outputs one item.',
			},
			{
				name: 'Get Meta',
				value: 'getMeta',
				action: 'Get app meta',
				description:
					'Get the icons of the tools the app uses. Outputs one item: "tool_icons", by tool name.',
			},
			{
				name: 'Get Parameters',
				value: 'getParameters',
				action: 'Get app parameters',
				description:
					'Get what a request to the app needs: its input form ("user_input_form": variable names, types, defaults), the opening statement, suggested questions, feature switches and file upload limits. Outputs one item.',
			},
		] satisfies OperationOptions<DifyMap, 'app'>,
		default: 'getInfo',
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
	...chatMessageGetSuggested.description,
	...conversationGetMany.description,
	...conversationGetMessages.description,
	...conversationRename.description,
	...conversationDelete.description,
	...conversationGetVariables.description,
	...conversationUpdateVariable.description,
	...messageFeedbackCreate.description,
	...messageFeedbackGetMany.description,
	...fileUpload.description,
	...appGetInfo.description,
	...appGetParameters.description,
	...appGetMeta.description,
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
			'Chat with Dify apps, run their workflows and text generators, answer Human Input forms: replies streamed, resumed after a broken connection and aggregated into one item; manage conversations, feedback and files',
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
