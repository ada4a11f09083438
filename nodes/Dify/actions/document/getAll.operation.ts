import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit } from '../../../common/paging';
import { invalid, optionalText } from '../../../common/validate';
import { knowledgePaths } from '../../helpers/knowledge/api';
import { datasetIdProperty } from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';
import { listKnowledgePages } from '../../helpers/knowledge/lists';
import { listProperties } from '../common.descriptions';

const STATUSES = ['queuing', 'indexing', 'paused', 'error', 'available', 'disabled', 'archived'];

export const properties: INodeProperties[] = [
	datasetIdProperty,
	...listProperties([
		{
			displayName: 'Keyword',
			name: 'keyword',
			type: 'string',
			default: '',
			description: 'Only documents whose name contains this text',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Archived', value: 'archived' },
				{ name: 'Available', value: 'available', description: 'Indexed and enabled' },
				{ name: 'Disabled', value: 'disabled' },
				{ name: 'Error', value: 'error', description: 'Indexing failed' },
				{ name: 'Indexing', value: 'indexing' },
				{ name: 'Paused', value: 'paused' },
				{ name: 'Queuing', value: 'queuing', description: 'Waiting to be indexed' },
			],
			default: 'available',
			description: 'Only documents in this state (their "display_status")',
		},
	]),
];

interface Prepared {
	datasetId: string;
	qs: IDataObject;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset } = readIds(this, i, ['dataset']);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const status = optionalText(filters.status);
		if (status !== undefined && !STATUSES.includes(status))
			throw invalid(
				this.getNode(),
				i,
				'Status',
				`must be one of ${STATUSES.join(', ')}, got "${status}"`,
			);
		return {
			datasetId: dataset,
			qs: { keyword: optionalText(filters.keyword), status },
			limit: readLimit(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { datasetId, qs, limit }) {
		return await listKnowledgePages(this, i, {
			path: knowledgePaths.documents(datasetId),
			qs,
			limit,
		});
	},
};
