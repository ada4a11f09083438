import type { INodeProperties } from 'n8n-workflow';

import * as preview from './preview.operation';
import * as upload from './upload.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Preview',
			value: 'preview',
			action: 'Download a file',
			description:
				'Download a file that a message of this app references (one uploaded and then sent, or one the app made). Outputs it as a binary file with its ID, "name", "size", "extension" and "mime_type".',
		},
		{
			name: 'Upload',
			value: 'upload',
			action: 'Upload a file',
			description:
				'Upload a file of the input item to Dify for the same User, to attach to a later chat message or workflow run. Outputs Dify\'s file record: its ID (the upload_file_id to reference), "name", "size", "extension", "mime_type".',
		},
	],
	default: 'upload',
};

export const operations = { preview, upload };
