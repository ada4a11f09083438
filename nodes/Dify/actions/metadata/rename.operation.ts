import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import {
	datasetIdProperty,
	fieldNameProperty,
	metadataIdProperty,
} from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';
import { readFieldName } from '../../helpers/knowledge/inputs';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	metadataIdProperty,
	{
		...fieldNameProperty,
		description: "The field's new name (unique in the knowledge base, at most 255 characters)",
	},
	optionsCollection(),
];

export const operation: ItemOperation<{ path: string; name: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset, metadata } = readIds(this, i, ['dataset', 'metadata']);
		return { path: knowledgePaths.metadataField(dataset, metadata), name: readFieldName(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { path, name }) {
		return await knowledgeRequest(this, i, { method: 'PATCH', path, body: { name } });
	},
};
