import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

// Dify's Knowledge API has no call that reads one child chunk: Get Many lists a chunk's children.
export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a child chunk',
			description:
				'Add a child chunk to a chunk of a document in Parent-Child chunking mode. Outputs the child chunk: its ID, "segment_id", "content", "position".',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a child chunk',
			description:
				'Permanently delete a child chunk from its chunk. Outputs "deleted": true and its ID.',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many child chunks',
			description:
				'List the child chunks of a chunk. Outputs one item per child chunk: its ID, "content", "position", "word_count", "type".',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a child chunk',
			description:
				"Replace a child chunk's content; Dify indexes it again. Outputs the updated child chunk.",
		},
	],
	default: 'getAll',
};

export const operations = { create, delete: deleteOperation, getAll, update };
