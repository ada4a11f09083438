import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import { knowledgePaths } from '../../helpers/knowledge/api';
import {
	datasetIdProperty,
	documentIdProperty,
	segmentIdProperty,
} from '../../helpers/knowledge/descriptions';
import { idsOperation, unwrapData } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	segmentIdProperty,
	optionsCollection(),
];

export const operation = idsOperation({
	ids: ['dataset', 'document', 'segment'],
	request: ({ dataset, document, segment }) => ({
		method: 'GET',
		path: knowledgePaths.segment(dataset, document, segment),
	}),
	item: unwrapData,
});
