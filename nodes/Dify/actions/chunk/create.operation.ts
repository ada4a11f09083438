import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { invalid, parseList } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty, documentIdProperty } from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';
import { dataList } from '../../helpers/knowledge/lists';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	{
		displayName: 'Chunks Format',
		name: 'segmentsFormat',
		type: 'options',
		options: [
			{
				name: 'JSON',
				value: 'json',
				description: 'One JSON array, for chunks that come from an expression',
			},
			{ name: 'Rows', value: 'rows', description: 'One row per chunk' },
		],
		default: 'rows',
		description: 'How to give the chunks to add',
	},
	{
		displayName: 'Chunks',
		name: 'segments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Chunk',
		default: {},
		description: 'The chunks to add, in order',
		displayOptions: { show: { segmentsFormat: ['rows'] } },
		options: [
			{
				displayName: 'Chunk',
				name: 'values',
				values: [
					{
						displayName: 'Content',
						name: 'content',
						type: 'string',
						typeOptions: { rows: 3 },
						default: '',
						description: "The chunk's text",
					},
					{
						displayName: 'Answer',
						name: 'answer',
						type: 'string',
						default: '',
						description: 'The answer, for a document in Q&A chunking mode (there it is required)',
					},
					{
						displayName: 'Keywords',
						name: 'keywords',
						type: 'string',
						default: '',
						placeholder: 'refund, return, money back',
						description: 'Keywords for keyword search, comma-separated',
					},
				],
			},
		],
	},
	{
		displayName: 'Chunks (JSON)',
		name: 'segmentsJson',
		type: 'json',
		default: '[]',
		placeholder: '[{ "content": "Refunds take 5 days.", "keywords": ["refund"] }]',
		description:
			'A JSON array of chunks: each with "content", and optionally "answer", "keywords" (an array) and "attachment_ids"',
		displayOptions: { show: { segmentsFormat: ['json'] } },
	},
	optionsCollection(),
];

interface Prepared {
	datasetId: string;
	documentId: string;
	segments: IDataObject[];
}

function readSegments(ctx: IExecuteFunctions, i: number): IDataObject[] {
	const node = ctx.getNode();
	const format = String(ctx.getNodeParameter('segmentsFormat', i, 'rows'));
	let rows: IDataObject[];
	if (format === 'json') {
		let value = ctx.getNodeParameter('segmentsJson', i, '[]') as unknown;
		if (typeof value === 'string') {
			try {
				value = JSON.parse(value);
			} catch (error) {
				throw invalid(node, i, 'Chunks (JSON)', `is not valid JSON (${(error as Error).message})`);
			}
		}
		if (!Array.isArray(value) || value.some((v) => !v || typeof v !== 'object' || Array.isArray(v)))
			throw invalid(
				node,
				i,
				'Chunks (JSON)',
				'must be a JSON array of objects like {"content": "…"}',
			);
		rows = value as IDataObject[];
	} else {
		rows = ((ctx.getNodeParameter('segments', i, {}) as IDataObject).values ?? []) as IDataObject[];
	}
	const field = format === 'json' ? 'Chunks (JSON)' : 'Chunks';
	if (rows.length === 0) throw invalid(node, i, field, 'needs at least one chunk');
	return rows.map((row, n) => {
		const where = `${field} → Chunk ${n + 1}`;
		const content = typeof row.content === 'string' ? row.content : '';
		if (content.trim() === '') throw invalid(node, i, `${where} → Content`, 'must not be empty');
		const segment: IDataObject = format === 'json' ? { ...row, content } : { content };
		if (typeof row.answer === 'string' && row.answer !== '') segment.answer = row.answer;
		else delete segment.answer;
		const keywords = parseList(node, i, `${where} → Keywords`, row.keywords);
		if (keywords.length) segment.keywords = keywords;
		else delete segment.keywords;
		return segment;
	});
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset, document } = readIds(this, i, ['dataset', 'document']);
		return { datasetId: dataset, documentId: document, segments: readSegments(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { datasetId, documentId, segments }) {
		const path = knowledgePaths.segments(datasetId, documentId);
		const body = await knowledgeRequest(this, i, { method: 'POST', path, body: { segments } });
		return dataList(this, i, path, body);
	},
};
