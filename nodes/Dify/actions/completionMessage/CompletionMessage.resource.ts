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
				'Run a Text Generator app on its inputs. Outputs the generated text as one item, as Chat Message → Send does: "answer", "message_id", "task_id", "metadata" (usage), "status".',
		},
		{
			name: 'Stop',
			value: 'stop',
			action: 'Stop generating a text',
			description:
				'Stop a text that a Text Generator app is still writing, by its task_id. Outputs { result: "success", task_id }.',
		},
	],
	default: 'send',
};

export const operations = { send, stop };
