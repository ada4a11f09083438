import type { INodeProperties } from 'n8n-workflow';

import * as bind from './bind.operation';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';
import * as getForKnowledgeBase from './getForKnowledgeBase.operation';
import * as rename from './rename.operation';
import * as unbind from './unbind.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Bind',
			value: 'bind',
			action: 'Bind tags to a knowledge base',
			description:
				'Put one or more tags on a knowledge base. Outputs "success", the "target_id" and the "tag_ids".',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a tag',
			description:
				'Create a knowledge base tag. Outputs the tag: its ID, "name", "type", "binding_count".',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a tag',
			description:
				'Permanently delete a tag (its knowledge bases stay). Outputs "deleted": true and its ID.',
		},
		{
			name: 'Get Knowledge Base Tags',
			value: 'getForKnowledgeBase',
			action: 'Get the tags of a knowledge base',
			description:
				'List the tags on one knowledge base. Outputs one item per tag: its ID and "name".',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many tags',
			description:
				'List the knowledge base tags of the workspace. Outputs one item per tag: its ID, "name", "binding_count".',
		},
		{
			name: 'Rename',
			value: 'rename',
			action: 'Rename a tag',
			description: 'Give a tag a new name. Outputs the tag with its new "name".',
		},
		{
			name: 'Unbind',
			value: 'unbind',
			action: 'Unbind tags from a knowledge base',
			description:
				'Take one or more tags off a knowledge base. Outputs "success", the "target_id" and the "tag_ids".',
		},
	],
	default: 'getAll',
};

export const operations = {
	bind,
	create,
	delete: deleteOperation,
	getAll,
	getForKnowledgeBase,
	rename,
	unbind,
};
