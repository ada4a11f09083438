import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { limited } from '../../helpers/knowledge/lists';

export const properties: INodeProperties[] = [...returnAllProperties(), optionsCollection()];

export const operation: ItemOperation<{ limit: number | undefined }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { limit }) {
		// Dify answers every knowledge tag of the workspace in one array
		const body = await knowledgeRequest<unknown>(this, i, {
			method: 'GET',
			path: knowledgePaths.tags,
		});
		return limited(Array.isArray(body) ? (body as IDataObject[]) : [], limit);
	},
};
