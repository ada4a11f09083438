import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as getBuiltIn from './getBuiltIn.operation';
import * as rename from './rename.operation';
import * as setBuiltIn from './setBuiltIn.operation';
import * as setOnDocuments from './setOnDocuments.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a metadata field',
			description:
				'Add a metadata field (string, number or time) to a knowledge base. Outputs the field: its ID, "name", "type".',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a metadata field',
			description:
				'Permanently delete a metadata field; documents lose their values for it. Outputs "deleted": true and its ID.',
		},
		{
			name: 'Get Built-In Fields',
			value: 'getBuiltIn',
			action: 'Get the standard metadata fields',
			description:
				'List the metadata fields Dify itself provides. Outputs one item per field: its "name" and "type".',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many metadata fields',
			description:
				'List the metadata fields of a knowledge base. Outputs one item per field: its ID, "name", "type", and the "count" of documents using it.',
		},
		{
			name: 'Rename',
			value: 'rename',
			action: 'Rename a metadata field',
			description: 'Give a metadata field a new name. Outputs the field with its new "name".',
		},
		{
			name: 'Set Built-In Fields',
			value: 'setBuiltIn',
			action: 'Turn the standard metadata fields on or off',
			description:
				'Turn the built-in metadata fields of a knowledge base on or off. Outputs "result" and "built_in_field_enabled".',
		},
		{
			name: 'Set on Documents',
			value: 'setOnDocuments',
			action: 'Set metadata values on documents',
			description:
				'Set metadata values on one or more documents, by field name. Outputs "result", the "document_ids" and the values sent.',
		},
	],
	default: 'getAll',
};

export const operations = {
	create,
	delete: deleteOperation,
	getAll,
	getBuiltIn,
	rename,
	setBuiltIn,
	setOnDocuments,
};
