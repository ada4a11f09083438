import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { invalid } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { dataList, limited } from '../../helpers/knowledge/lists';

const MODEL_TYPES = ['text-embedding', 'rerank'];

export const properties: INodeProperties[] = [
	{
		displayName: 'Model Type',
		name: 'modelType',
		type: 'options',
		options: [
			{
				name: 'Rerank',
				value: 'rerank',
				description: 'Rerank models, for Knowledge Base → Retrieve with Reranking',
			},
			{
				name: 'Text Embedding',
				value: 'text-embedding',
				description: 'Embedding models, for a knowledge base or a document',
			},
		],
		default: 'text-embedding',
		description: 'Which models to list',
	},
	...returnAllProperties(),
	optionsCollection(),
];

export const operation: ItemOperation<{ modelType: string; limit: number | undefined }> = {
	async prepare(this: IExecuteFunctions, i) {
		const modelType = String(this.getNodeParameter('modelType', i, 'text-embedding'));
		if (!MODEL_TYPES.includes(modelType))
			throw invalid(
				this.getNode(),
				i,
				'Model Type',
				`must be text-embedding or rerank, got "${modelType}"`,
			);
		return { modelType, limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { modelType, limit }) {
		const path = knowledgePaths.models(modelType);
		const providers = dataList(
			this,
			i,
			path,
			await knowledgeRequest(this, i, { method: 'GET', path }),
		);
		// one item per model, with its provider: the two values a knowledge base is set up with
		const models = providers.flatMap((provider) =>
			(Array.isArray(provider.models) ? (provider.models as IDataObject[]) : []).map((model) => ({
				provider: provider.provider,
				provider_label: (provider.label as IDataObject | undefined)?.en_US,
				provider_status: provider.status,
				...model,
			})),
		);
		return limited(models, limit);
	},
};
