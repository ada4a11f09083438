import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import { knowledgePaths } from '../../helpers/knowledge/api';
import { datasetIdProperty, documentIdProperty } from '../../helpers/knowledge/descriptions';
import { deleteOperation } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	optionsCollection(),
];

export const operation = deleteOperation(
	['dataset', 'document'],
	({ dataset, document }) => knowledgePaths.document(dataset, document),
	'document',
);
