import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import { knowledgePaths } from '../../helpers/knowledge/api';
import {
	datasetIdProperty,
	documentIdProperty,
	segmentIdProperty,
} from '../../helpers/knowledge/descriptions';
import { deleteOperation } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	segmentIdProperty,
	optionsCollection(),
];

export const operation = deleteOperation(
	['dataset', 'document', 'segment'],
	({ dataset, document, segment }) => knowledgePaths.segment(dataset, document, segment),
	'segment',
);
