import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as disableReply from './disableReply.operation';
import * as enableReply from './enableReply.operation';
import * as getAll from './getAll.operation';
import * as getReplyStatus from './getReplyStatus.operation';
import * as update from './update.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create an annotation',
			description:
				'Add a question with the answer the app gives to it, as it is, whenever annotation reply is on and a question matches. Outputs the annotation: its ID, "question", "answer", "hit_count", "created_at".',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete an annotation',
			description:
				'Permanently delete an annotation and its hit history. Cannot be undone. Outputs "deleted": true and the annotation\'s ID.',
		},
		{
			name: 'Disable Reply',
			value: 'disableReply',
			action: 'Disable annotation reply',
			description:
				'Turn annotation reply off: the app generates every answer again. Runs in the background; outputs the job ("job_id", "job_status": "completed" once done).',
		},
		{
			name: 'Enable Reply',
			value: 'enableReply',
			action: 'Enable annotation reply',
			description:
				'Turn annotation reply on: a question close enough to an annotation\'s gets its answer instead of a generated one. Runs in the background; outputs the job ("job_id", "job_status": "completed" once done).',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many annotations',
			description:
				'List the app\'s annotations, optionally those containing a keyword. Outputs one item per annotation: its ID, "question", "answer", "hit_count", "created_at".',
		},
		{
			name: 'Get Reply Status',
			value: 'getReplyStatus',
			action: 'Get the status of an annotation reply job',
			description:
				'Get how an Enable Reply or Disable Reply job is going. Outputs "job_id", "job_status" (waiting, processing, completed or error) and "error_msg".',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an annotation',
			description:
				'Replace the question and the answer of an annotation. Outputs the annotation as it is now.',
		},
	],
	default: 'create',
};

export const operations = {
	create,
	delete: deleteOperation,
	disableReply,
	enableReply,
	getAll,
	getReplyStatus,
	update,
};
