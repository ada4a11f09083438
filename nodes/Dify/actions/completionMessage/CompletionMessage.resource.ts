import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';
import * as stop from './stop.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
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
	],
	default: 'send',
};

export const operations = { send, stop };
