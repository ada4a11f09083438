import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
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
			action: 'Create chunks',
			description:
				'Add one or more chunks to a document that has finished indexing. Outputs one item per new chunk: its ID, "content", "keywords", "status".',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a chunk',
			description:
				'Permanently delete a chunk from its document. Outputs "deleted": true and its ID.',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a chunk',
			description:
				'Read one chunk. Outputs its ID, "content", "answer", "keywords", "enabled", "status", "child_chunks", "doc_form".',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chunks',
			description:
				'List the chunks of a document. Outputs one item per chunk: its ID, "position", "content", "keywords", "status".',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a chunk',
			description:
				"Change a chunk's content, answer, keywords or whether it is enabled; Dify indexes it again. Outputs the updated chunk.",
		},
	],
	default: 'getAll',
};

export const operations = { create, delete: deleteOperation, get, getAll, update };
