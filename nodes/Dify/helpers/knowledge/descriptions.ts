/** Parameters several Knowledge operations share (the IDs first), defined once. */
import type { INodeProperties } from 'n8n-workflow';

export const datasetIdProperty: INodeProperties = {
	displayName: 'Knowledge Base ID',
	name: 'datasetId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'c42e2a6e-40b3-4330-96f8-f1e4d768e8c9',
	description:
		"The knowledge base's ID, from Knowledge Base → Get Many, or the part after /datasets/ in the knowledge base's address in Dify",
};

export const documentIdProperty: INodeProperties = {
	displayName: 'Document ID',
	name: 'documentId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'a8e0e5b5-78c6-4130-a5ce-25feb0e0b4ac',
	description:
		"The document's ID, from a Document → Create or Get Many step. It must be in the knowledge base above.",
};

export const documentIdsProperty: INodeProperties = {
	displayName: 'Document IDs',
	name: 'documentIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'a8e0e5b5-78c6-4130-a5ce-25feb0e0b4ac, 3f1b2c4d-…',
	description:
		'The documents, as a comma-separated list or an array (for example the ID of every item of Document → Get Many)',
};

export const segmentIdProperty: INodeProperties = {
	displayName: 'Chunk ID',
	name: 'segmentId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'f3d1c7be-9f3a-40d8-8eb8-3a1ef9c3f2c1',
	description: "The chunk's ID, from a Chunk → Create or Get Many step",
};

export const childChunkIdProperty: INodeProperties = {
	displayName: 'Child Chunk ID',
	name: 'childChunkId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'd7e8f9a0-1b2c-3d4e-5f6a-7b8c9d0e1f2a',
	description: "The child chunk's ID, from a Child Chunk → Create or Get Many step",
};

export const metadataIdProperty: INodeProperties = {
	displayName: 'Metadata Field ID',
	name: 'metadataId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'b5c6d7e8-f9a0-1b2c-3d4e-5f6a7b8c9d0e',
	description: "The metadata field's ID, from a Metadata → Create or Get Many step",
};

export const tagIdProperty: INodeProperties = {
	displayName: 'Tag ID',
	name: 'tagId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'f4b5c6d7-e8f9-0a1b-2c3d-4e5f6a7b8c9d',
	description: "The tag's ID, from a Tag → Create or Get Many step",
};

export const tagIdsProperty: INodeProperties = {
	displayName: 'Tag IDs',
	name: 'tagIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'f4b5c6d7-e8f9-0a1b-2c3d-4e5f6a7b8c9d',
	description: 'The tags, as a comma-separated list or an array of their IDs (Tag → Get Many)',
};

export const batchProperty: INodeProperties = {
	displayName: 'Batch',
	name: 'batch',
	type: 'string',
	default: '',
	required: true,
	placeholder: '20250306150245647595',
	description:
		'The "batch" of a Document → Create or Update step: Dify indexes each create or update as one batch',
};

/** A document's Name and Text (Document → Create From Text, Update From Text). */
export const textProperties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Shipping',
		description: 'The name of the document in the knowledge base',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		required: true,
		placeholder: 'Orders ship within 2 business days…',
		description: "The document's whole text; Dify splits it into chunks and indexes them",
	},
];

/** The input item's file (Document → Create From File, Update From File). */
export const documentBinaryProperty: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: "The name of the input item's binary field that holds the file",
	description:
		'The file to add: PDF, TXT, Markdown, DOCX, HTML, CSV and other document formats Dify reads. Dify names the document after the file.',
};

/** The chunk a child chunk belongs to. */
export const parentChunkProperties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	{
		...segmentIdProperty,
		description: "The parent chunk's ID, from a Chunk → Create or Get Many step",
	},
];

/** A child chunk's text (Child Chunk → Create, Update). */
export const childContentProperty: INodeProperties = {
	displayName: 'Content',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	required: true,
	description: "The child chunk's text",
};

/** A tag's Name (Tag → Create, Rename). */
export const tagNameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'Product Docs',
	description: "The tag's name (at most 50 characters, unique in the workspace)",
};

/** A metadata field's Name (Metadata → Create, Rename). */
export const fieldNameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'author',
	description:
		"The field's name: unique in the knowledge base, at most 255 characters, not a built-in field's name",
};
