import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	additionalFieldsCollection,
	optionsCollection,
} from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readAdditionalJson } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { readName } from '../../helpers/knowledge/ids';
import {
	knowledgeBaseFields,
	MAX_NAME,
	nameProperty,
	readKnowledgeBaseFields,
} from '../../helpers/knowledge/knowledgeBase';

export const properties: INodeProperties[] = [
	nameProperty,
	additionalFieldsCollection(knowledgeBaseFields(false)),
	{
		...additionalBodyFieldsProperty,
		description:
			'More fields for the knowledge base, as a JSON object: for example retrieval_model, summary_index_setting, or provider "external" with external_knowledge_api_id and external_knowledge_id. Merged last.',
	},
	optionsCollection(),
];

export const operation: ItemOperation<IDataObject> = {
	async prepare(this: IExecuteFunctions, i) {
		return {
			name: readName(this, i, { name: 'name', label: 'Name', max: MAX_NAME }),
			...readKnowledgeBaseFields(
				this,
				i,
				this.getNodeParameter('additionalFields', i, {}) as IDataObject,
			),
			...readAdditionalJson(this, i, 'additionalBodyFields'),
		};
	},

	async execute(this: IExecuteFunctions, i, body) {
		return await knowledgeRequest(this, i, { method: 'POST', path: knowledgePaths.datasets, body });
	},
};
