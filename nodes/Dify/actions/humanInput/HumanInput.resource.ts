import type { INodeProperties } from 'n8n-workflow';

import * as getForm from './getForm.operation';
import * as submit from './submit.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
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
				'Answer the form a paused run waits on (its inputs and the chosen action) and, by default, follow the run as it goes on. Outputs the same item as Chat Message → Send ("answer", "status", "workflow", and "form" when it pauses again).',
		},
	],
	default: 'getForm',
};

export const operations = { getForm, submit };
