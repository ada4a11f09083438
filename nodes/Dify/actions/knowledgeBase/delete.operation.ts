import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import { knowledgePaths } from '../../helpers/knowledge/api';
import { datasetIdProperty } from '../../helpers/knowledge/descriptions';
import { deleteOperation } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [datasetIdProperty, optionsCollection()];

export const operation = deleteOperation(
	['dataset'],
	({ dataset }) => knowledgePaths.dataset(dataset),
	'dataset',
);
