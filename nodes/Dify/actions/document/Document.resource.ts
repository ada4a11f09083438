import type { INodeProperties } from 'n8n-workflow';

import * as createFromFile from './createFromFile.operation';
import * as createFromText from './createFromText.operation';
import * as deleteOperation from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getIndexingStatus from './getIndexingStatus.operation';
import * as updateFromFile from './updateFromFile.operation';
import * as updateFromText from './updateFromText.operation';
import * as updateStatus from './updateStatus.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create From File',
			value: 'createFromFile',
			action: 'Create a document from a file',
			description:
				'Add a file of the input item to a knowledge base, optionally waiting until it is indexed. Outputs the document: its ID, "name", "indexing_status", and the "batch" to follow its indexing.',
		},
		{
			name: 'Create From Text',
			value: 'createFromText',
			action: 'Create a document from text',
			description:
				'Add a text to a knowledge base as a document, optionally waiting until it is indexed. Outputs the document: its ID, "name", "indexing_status", and the "batch" to follow its indexing.',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a document',
			description:
				'Permanently delete a document with its chunks. Outputs "deleted": true and its ID.',
		},
		{
			name: 'Download',
			value: 'download',
			action: 'Download a document',
			description:
				'Download a document\'s original file into the item. Outputs the file as binary data, with the signed URL, "file_name" and "mime_type".',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a document',
			description:
				'Read one document. Outputs its ID, "name", "indexing_status", "display_status", "enabled", "archived", "segment_count", "doc_metadata".',
		},
		{
			name: 'Get Indexing Status',
			value: 'getIndexingStatus',
			action: 'Get the indexing status of documents',
			description:
				'Read how far Dify has indexed the documents of a batch. Outputs one item per document: "indexing_status", "completed_segments", "total_segments", "error".',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many documents',
			description:
				'List the documents of a knowledge base. Outputs one item per document: its ID, "name", "indexing_status", "display_status", "word_count".',
		},
		{
			name: 'Update From File',
			value: 'updateFromFile',
			action: 'Update a document from a file',
			description:
				'Replace a document\'s content with a file of the input item; Dify indexes it again. Outputs the document and the new "batch".',
		},
		{
			name: 'Update From Text',
			value: 'updateFromText',
			action: 'Update a document from text',
			description:
				'Replace a document\'s name and text; Dify indexes it again. Outputs the document and the new "batch".',
		},
		{
			name: 'Update Status',
			value: 'updateStatus',
			action: 'Update the status of documents',
			description:
				'Enable, disable, archive or un-archive several documents at once. Outputs "result", the "action" and the "document_ids".',
		},
	],
	default: 'createFromText',
};

export const operations = {
	createFromFile,
	createFromText,
	delete: deleteOperation,
	download,
	get,
	getAll,
	getIndexingStatus,
	updateFromFile,
	updateFromText,
	updateStatus,
};
