import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	optionsCollection,
	updateFieldsCollection,
} from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { invalid, readAdditionalJson } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty } from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';
import {
	knowledgeBaseFields,
	readKnowledgeBaseFields,
} from '../../helpers/knowledge/knowledgeBase';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	updateFieldsCollection(knowledgeBaseFields(true)),
	{
		...additionalBodyFieldsProperty,
		description:
			'More changes, as a JSON object: for example retrieval_model, or partial_member_list ([{ "user_id": "…" }]) with Permission Partial Members. Merged last.',
	},
	optionsCollection(),
];

interface Prepared {
	datasetId: string;
	body: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset } = readIds(this, i, ['dataset']);
		const body = {
			...readKnowledgeBaseFields(
				this,
				i,
				this.getNodeParameter('updateFields', i, {}) as IDataObject,
			),
			...readAdditionalJson(this, i, 'additionalBodyFields'),
		};
		if (Object.keys(body).length === 0)
			throw invalid(
				this.getNode(),
				i,
				'Update Fields',
				'add at least one field to change (or set Extra Body Fields (JSON))',
			);
		return { datasetId: dataset, body };
	},

	async execute(this: IExecuteFunctions, i, { datasetId, body }) {
		return await knowledgeRequest(this, i, {
			method: 'PATCH',
			path: knowledgePaths.dataset(datasetId),
			body,
		});
	},
};
