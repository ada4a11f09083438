import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit } from '../../../common/paging';
import { optionalText } from '../../../common/validate';
import { knowledgePaths } from '../../helpers/knowledge/api';
import { readIds } from '../../helpers/knowledge/ids';
import { listKnowledgePages } from '../../helpers/knowledge/lists';
import { listProperties } from '../common.descriptions';
import { parentChunkProperties } from '../../helpers/knowledge/descriptions';

export const properties: INodeProperties[] = [
	...parentChunkProperties,
	...listProperties([
		{
			displayName: 'Keyword',
			name: 'keyword',
			type: 'string',
			default: '',
			description: 'Only child chunks that contain this text',
		},
	]),
];

interface Prepared {
	path: string;
	keyword: string | undefined;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset, document, segment } = readIds(this, i, ['dataset', 'document', 'segment']);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		return {
			path: knowledgePaths.childChunks(dataset, document, segment),
			keyword: optionalText(filters.keyword),
			limit: readLimit(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { path, keyword, limit }) {
		return await listKnowledgePages(this, i, { path, qs: { keyword }, limit });
	},
};
