import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import { knowledgePaths } from '../../helpers/knowledge/api';
import { batchProperty, datasetIdProperty } from '../../helpers/knowledge/descriptions';
import { idsOperation } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	batchProperty,
	optionsCollection(),
];

export const operation = idsOperation({
	ids: ['dataset', 'batch'],
	request: ({ dataset, batch }) => ({
		method: 'GET',
		path: knowledgePaths.indexingStatus(dataset, batch),
	}),
	item: (body, { batch }) =>
		(Array.isArray(body.data) ? (body.data as IDataObject[]) : []).map((entry) => ({
			...entry,
			batch,
		})),
});
