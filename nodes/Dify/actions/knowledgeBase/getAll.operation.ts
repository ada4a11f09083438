import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit } from '../../../common/paging';
import { optionalText, parseList } from '../../../common/validate';
import { knowledgePaths } from '../../helpers/knowledge/api';
import { listKnowledgePages } from '../../helpers/knowledge/lists';
import { listProperties } from '../common.descriptions';

export const properties: INodeProperties[] = listProperties([
	{
		displayName: 'Include All',
		name: 'includeAll',
		type: 'boolean',
		default: false,
		description:
			"Whether to list every knowledge base of the workspace, also those the key's account has no permission for",
	},
	{
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		default: '',
		description: 'Only knowledge bases whose name contains this text',
	},
	{
		displayName: 'Tag IDs',
		name: 'tagIds',
		type: 'string',
		default: '',
		placeholder: 'f4b5c6d7-e8f9-0a1b-2c3d-4e5f6a7b8c9d',
		description:
			'Only knowledge bases with these tags: a comma-separated list of tag IDs (Tag → Get Many)',
	},
]);

interface Prepared {
	qs: IDataObject;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const tagIds = parseList(this.getNode(), i, 'Tag IDs', filters.tagIds);
		return {
			qs: {
				keyword: optionalText(filters.keyword),
				tag_ids: tagIds.length ? tagIds : undefined,
				include_all: filters.includeAll === true ? true : undefined,
			},
			limit: readLimit(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { qs, limit }) {
		return await listKnowledgePages(this, i, { path: knowledgePaths.datasets, qs, limit });
	},
};
