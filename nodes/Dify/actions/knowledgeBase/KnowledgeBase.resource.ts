import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as retrieve from './retrieve.operation';
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
			action: 'Create a knowledge base',
			description:
				'Create an empty knowledge base, to add documents to. Outputs the knowledge base: its ID, "name", "indexing_technique", "embedding_model", "retrieval_model_dict".',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a knowledge base',
			description:
				'Permanently delete a knowledge base with all its documents. Outputs "deleted": true and its ID.',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a knowledge base',
			description:
				'Read one knowledge base. Outputs its ID, "name", "document_count", "word_count", "embedding_model", "retrieval_model_dict", "tags", "doc_metadata".',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many knowledge bases',
			description:
				'List the knowledge bases the key can reach. Outputs one item per knowledge base: its ID, "name", "description", "document_count", "indexing_technique".',
		},
		{
			name: 'Retrieve',
			value: 'retrieve',
			action: 'Search a knowledge base',
			description:
				'Search a knowledge base for the chunks that best match a query. Outputs one item per chunk found: its "content", "score", "document_name", "document_id".',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a knowledge base',
			description:
				'Change the name, description, permission, indexing or embedding model of a knowledge base. Outputs the updated knowledge base.',
		},
	],
	default: 'retrieve',
};

export const operations = {
	create,
	delete: deleteOperation,
	get,
	getAll,
	retrieve,
	update,
};
