import type { INodeProperties } from 'n8n-workflow';

import * as getLogs from './getLogs.operation';
import * as getRun from './getRun.operation';
import * as run from './run.operation';
import * as stop from './stop.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Get Logs',
			value: 'getLogs',
			action: 'Get workflow logs',
			description:
				'List past runs of a Workflow or Chatflow app, newest first. Outputs one item per run: its ID, "workflow_run" (status, tokens, steps, timing), "created_by_end_user", "created_at".',
		},
		{
			name: 'Get Run',
			value: 'getRun',
			action: 'Get a workflow run',
			description:
				'Get one run by its workflow_run_id. Outputs one item: "status", "inputs" (JSON text), "outputs", "error", "total_steps", "total_tokens", "elapsed_time".',
		},
		{
			name: 'Run',
			value: 'run',
			action: 'Run a workflow',
			description:
				'Run a Workflow app. Outputs the run as one item: "data" (outputs, status, total_tokens, elapsed_time, ...), "text", "nodes" (a summary of the steps), "files", "status", and "form" when a Human Input node pauses it.',
		},
		{
			name: 'Stop',
			value: 'stop',
			action: 'Stop a workflow run',
			description:
				'Stop a Workflow app run that is still going, by its task_id. Outputs { result: "success", task_id }.',
		},
	],
	default: 'run',
};

export const operations = { getLogs, getRun, run, stop };
