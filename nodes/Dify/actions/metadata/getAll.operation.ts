import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty } from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';
import { dataList, limited } from '../../helpers/knowledge/lists';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	...returnAllProperties(),
	optionsCollection(),
];

export const operation: ItemOperation<{ datasetId: string; limit: number | undefined }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { datasetId: readIds(this, i, ['dataset']).dataset, limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { datasetId, limit }) {
		// Dify answers every field in one piece, with whether the built-in fields are on
		const path = knowledgePaths.metadata(datasetId);
		const body = await knowledgeRequest(this, i, { method: 'GET', path });
		return limited(dataList(this, i, path, body, 'doc_metadata'), limit);
	},
};
