/**
 * What the four document creates and updates share: their settings (chunking mode, language,
 * indexing technique, embedding model, custom chunking), the `process_rule` built from them, the
 * file of the input item sent as multipart with the settings as the JSON `data` part (as Create
 * Document by File documents it), and their output (the document, its batch, and when the item
 * waits, the last indexing status).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	invalid,
	optionalText,
	readAdditionalJson,
	requireInteger,
} from '../../../common/validate';
import { readBinaryField } from '../files';
import { multipartBody } from '../multipart';
import { knowledgeRequest } from './api';
import { waitUntilIndexed } from './indexing';

type SettingName =
	| 'chunkOverlap'
	| 'docForm'
	| 'docLanguage'
	| 'embeddingModel'
	| 'embeddingModelProvider'
	| 'fileName'
	| 'indexingTechnique'
	| 'maxTokens'
	| 'removeExtraSpaces'
	| 'removeStopwords'
	| 'removeUrlsEmails'
	| 'separator';

const SETTINGS: Record<SettingName, INodeProperties> = {
	chunkOverlap: {
		displayName: 'Chunk Overlap',
		name: 'chunkOverlap',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'How many tokens neighbouring chunks share. Setting it switches to custom chunking.',
	},
	docForm: {
		displayName: 'Chunking Mode',
		name: 'docForm',
		type: 'options',
		options: [
			{ name: 'General', value: 'text_model', description: 'Plain chunks of text' },
			{
				name: 'Parent-Child',
				value: 'hierarchical_model',
				description: 'Larger parent chunks, each with smaller child chunks that are searched',
			},
			{ name: 'Q&A', value: 'qa_model', description: 'Question and answer pairs' },
		],
		default: 'text_model',
		description: 'How Dify splits the document into chunks',
	},
	docLanguage: {
		displayName: 'Document Language',
		name: 'docLanguage',
		type: 'string',
		default: '',
		placeholder: 'English',
		description: "The document's language, which Dify uses when it processes the text",
	},
	embeddingModel: {
		displayName: 'Embedding Model',
		name: 'embeddingModel',
		type: 'string',
		default: '',
		placeholder: 'text-embedding-3-small',
		description: 'The "model" of an Embedding Model → Get Many item',
	},
	embeddingModelProvider: {
		displayName: 'Embedding Model Provider',
		name: 'embeddingModelProvider',
		type: 'string',
		default: '',
		placeholder: 'langgenius/openai/openai',
		description: 'The "provider" of the same Embedding Model → Get Many item',
	},
	fileName: {
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'returns-policy.md',
		description:
			"The name to send the file under (Dify names the document after it). Without it, the binary field's own file name.",
	},
	indexingTechnique: {
		displayName: 'Indexing Technique',
		name: 'indexingTechnique',
		type: 'options',
		options: [
			{ name: 'Economy', value: 'economy', description: 'Keyword index, no embedding model' },
			{
				name: 'High Quality',
				value: 'high_quality',
				description: 'Embeddings, for semantic search',
			},
		],
		default: 'high_quality',
		description:
			"How the knowledge base is indexed. Needed for a knowledge base's first document; later documents follow the knowledge base.",
	},
	maxTokens: {
		displayName: 'Maximum Chunk Length',
		name: 'maxTokens',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1000,
		description: 'The longest chunk, in tokens. Setting it switches to custom chunking.',
	},
	removeExtraSpaces: {
		displayName: 'Remove Extra Spaces',
		name: 'removeExtraSpaces',
		type: 'boolean',
		default: true,
		description:
			'Whether to replace runs of spaces, line breaks and tabs before chunking. Setting it switches to custom chunking.',
	},
	removeStopwords: {
		displayName: 'Remove Stopwords',
		name: 'removeStopwords',
		type: 'boolean',
		default: false,
		description:
			'Whether to remove stopwords (such as "a", "the") before chunking. Setting it switches to custom chunking.',
	},
	removeUrlsEmails: {
		displayName: 'Remove URLs and Emails',
		name: 'removeUrlsEmails',
		type: 'boolean',
		default: false,
		description:
			'Whether to remove web addresses and email addresses before chunking. Setting it switches to custom chunking.',
	},
	separator: {
		displayName: 'Chunk Separator',
		name: 'separator',
		type: 'string',
		default: '\\n',
		placeholder: '\\n\\n',
		description:
			'Where to split the text into chunks; \\n is a line break. Setting it switches to custom chunking.',
	},
};

const CUSTOM_CHUNKING: SettingName[] = [
	'chunkOverlap',
	'maxTokens',
	'removeExtraSpaces',
	'removeStopwords',
	'removeUrlsEmails',
	'separator',
];

/** One document setting's parameter (also for Knowledge Base → Create and Update). */
export function documentSetting(name: SettingName): INodeProperties {
	return SETTINGS[name];
}

/** The Additional Fields of a document create or update: the given settings, alphabetical. */
export function documentSettingsProperties(names: SettingName[]): INodeProperties[] {
	return [...names, ...CUSTOM_CHUNKING]
		.filter((name, index, all) => all.indexOf(name) === index)
		.map((name) => SETTINGS[name])
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

const DOC_FORMS = ['text_model', 'hierarchical_model', 'qa_model'];
const TECHNIQUES = ['high_quality', 'economy'];

/**
 * Dify's document settings from an item's Additional Fields (no request): `doc_form`,
 * `doc_language`, `indexing_technique`, the embedding model, and `process_rule` — custom when a
 * chunking field is set, hierarchical for Parent-Child, automatic for a create (an update
 * without chunking fields keeps the document's own rule), then Extra Body Fields (JSON).
 */
export function readDocumentSettings(
	ctx: IExecuteFunctions,
	i: number,
	opts: { create: boolean },
): { settings: IDataObject; fileName?: string } {
	const node = ctx.getNode();
	const fields = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const settings: IDataObject = {};
	const docForm = optionalText(fields.docForm);
	if (docForm !== undefined) {
		if (!DOC_FORMS.includes(docForm)) {
			throw invalidChoice(ctx, i, 'Chunking Mode', docForm, DOC_FORMS);
		}
		settings.doc_form = docForm;
	}
	const language = optionalText(fields.docLanguage);
	if (language) settings.doc_language = language;
	const technique = optionalText(fields.indexingTechnique);
	if (technique !== undefined) {
		if (!TECHNIQUES.includes(technique)) {
			throw invalidChoice(ctx, i, 'Indexing Technique', technique, TECHNIQUES);
		}
		settings.indexing_technique = technique;
	}
	const model = optionalText(fields.embeddingModel);
	if (model) settings.embedding_model = model;
	const provider = optionalText(fields.embeddingModelProvider);
	if (provider) settings.embedding_model_provider = provider;

	const custom = CUSTOM_CHUNKING.some((name) => fields[name] !== undefined);
	const hierarchical = docForm === 'hierarchical_model';
	if (custom) {
		const rules = [
			{ id: 'remove_extra_spaces', enabled: fields.removeExtraSpaces !== false },
			{ id: 'remove_urls_emails', enabled: fields.removeUrlsEmails === true },
		];
		if (fields.removeStopwords !== undefined)
			rules.push({ id: 'remove_stopwords', enabled: fields.removeStopwords === true });
		// Dify wants a separator and a maximum length in custom mode; the defaults are the
		// reference's separator ("\n") and the Knowledge guide's maximum (1000 tokens)
		const segmentation: IDataObject = {
			separator:
				typeof fields.separator === 'string' && fields.separator ? fields.separator : '\\n',
			max_tokens:
				fields.maxTokens === undefined
					? 1000
					: requireInteger(node, i, 'Maximum Chunk Length', fields.maxTokens, { min: 1 }),
			chunk_overlap:
				fields.chunkOverlap === undefined
					? 0
					: requireInteger(node, i, 'Chunk Overlap', fields.chunkOverlap, { min: 0 }),
		};
		settings.process_rule = {
			mode: hierarchical ? 'hierarchical' : 'custom',
			rules: { pre_processing_rules: rules, segmentation },
		};
	} else if (hierarchical) {
		settings.process_rule = { mode: 'hierarchical' };
	} else if (opts.create) {
		settings.process_rule = { mode: 'automatic' };
	}
	Object.assign(settings, readAdditionalJson(ctx, i, 'additionalBodyFields'));
	const fileName = optionalText(fields.fileName);
	return { settings, fileName: fileName?.replace(/[/\\]/g, '_') };
}

function invalidChoice(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: string,
	allowed: string[],
) {
	return invalid(ctx.getNode(), i, field, `must be one of ${allowed.join(', ')}, got "${value}"`);
}

/** The input item's file for a create or update from file: checked, no request. */
export interface DocumentFile {
	property: string;
	fileName: string;
	mimeType: string;
}

export function readDocumentFile(
	ctx: IExecuteFunctions,
	i: number,
	fileName: string | undefined,
): DocumentFile {
	const file = readBinaryField(
		ctx,
		i,
		'Input Binary Field',
		ctx.getNodeParameter('binaryPropertyName', i, 'data'),
	);
	return fileName ? { ...file, fileName } : file;
}

/** Send the file with its settings as multipart (`data`: the settings as JSON, `file`: the bytes). */
export async function sendDocumentFile(
	ctx: IExecuteFunctions,
	i: number,
	request: { method: 'POST' | 'PATCH'; path: string; settings: IDataObject; file: DocumentFile },
): Promise<IDataObject> {
	const data = await ctx.helpers.getBinaryDataBuffer(i, request.file.property);
	const { body, contentType } = multipartBody([
		{ field: 'data', text: JSON.stringify(request.settings) },
		{ field: 'file', fileName: request.file.fileName, mimeType: request.file.mimeType, data },
	]);
	return await knowledgeRequest(ctx, i, {
		method: request.method,
		path: request.path,
		body,
		headers: { 'Content-Type': contentType },
	});
}

/**
 * A create or update's item: Dify's `document` with the `batch` beside its fields, and, when the
 * item waits (`timeLimitMs`), the last indexing status once the document is indexed.
 */
export async function documentItem(
	ctx: IExecuteFunctions,
	i: number,
	datasetId: string,
	body: IDataObject,
	timeLimitMs: number | undefined,
): Promise<IDataObject> {
	const document = (body.document ?? {}) as IDataObject;
	const item: IDataObject = { ...document, batch: body.batch };
	if (timeLimitMs === undefined) return item;
	return await waitUntilIndexed(ctx, i, datasetId, item, timeLimitMs);
}
