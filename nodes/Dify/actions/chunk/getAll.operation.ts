import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit } from '../../../common/paging';
import { optionalText, parseList } from '../../../common/validate';
import { knowledgePaths } from '../../helpers/knowledge/api';
import { datasetIdProperty, documentIdProperty } from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';
import { listKnowledgePages } from '../../helpers/knowledge/lists';
import { listProperties } from '../common.descriptions';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	...listProperties([
		{
			displayName: 'Keyword',
			name: 'keyword',
			type: 'string',
			default: '',
			description: 'Only chunks that contain this text',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: [
				{ name: 'Completed', value: 'completed' },
				{ name: 'Error', value: 'error' },
				{ name: 'Indexing', value: 'indexing' },
			],
			default: [],
			description: 'Only chunks in these indexing states',
		},
	]),
];

interface Prepared {
	datasetId: string;
	documentId: string;
	qs: IDataObject;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset, document } = readIds(this, i, ['dataset', 'document']);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const status = parseList(this.getNode(), i, 'Status', filters.status);
		return {
			datasetId: dataset,
			documentId: document,
			qs: { keyword: optionalText(filters.keyword), status: status.length ? status : undefined },
			limit: readLimit(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { datasetId, documentId, qs, limit }) {
		return await listKnowledgePages(this, i, {
			path: knowledgePaths.segments(datasetId, documentId),
			qs,
			limit,
		});
	},
};
