/** What Create from File and Update from File share: the input item's binary field. */
import type { INodeProperties } from 'n8n-workflow';

export const binaryProperty: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: "The name of the input item's binary field that holds the file",
	description:
		'The file to add: PDF, TXT, Markdown, DOCX, HTML, CSV and other document formats Dify reads. Dify names the document after the file.',
};
