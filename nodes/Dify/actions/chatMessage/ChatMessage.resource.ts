import type { INodeProperties } from 'n8n-workflow';

import * as getSuggested from './getSuggested.operation';
import * as send from './send.operation';
import * as stop from './stop.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Get Suggested Questions',
			value: 'getSuggested',
			action: 'Get suggested questions for a message',
			description:
				'Get the follow-up questions Dify suggests after an answer (the app needs "suggested questions after answer" on). Outputs one item: "message_id" and "data", the list of questions.',
		},
		{
			name: 'Send',
			value: 'send',
			action: 'Send a chat message',
			description:
				'Send a message to a Dify chat app. Outputs its reply as one item: "answer", "conversation_id", "message_id", "task_id", "metadata" (usage, retriever_resources), "status" (succeeded, paused, stopped), and what the reply has of "reasoning", "agent_thoughts", "files", "workflow" and "form" (when a Human Input node pauses the run).',
		},
		{
			name: 'Stop',
			value: 'stop',
			action: 'Stop generating a reply',
			description:
				'Stop a reply that Dify is still writing, by its task_id (Chatbot, Agent, Chatflow and New Agent apps). Outputs { result: "success", task_id }.',
		},
	],
	default: 'send',
};

export const operations = { getSuggested, send, stop };
