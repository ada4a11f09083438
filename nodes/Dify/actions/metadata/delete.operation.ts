import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import { knowledgePaths } from '../../helpers/knowledge/api';
import { datasetIdProperty, metadataIdProperty } from '../../helpers/knowledge/descriptions';
import { deleteOperation } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	metadataIdProperty,
	optionsCollection(),
];

export const operation = deleteOperation(
	['dataset', 'metadata'],
	({ dataset, metadata }) => knowledgePaths.metadataField(dataset, metadata),
	'metadata',
);
