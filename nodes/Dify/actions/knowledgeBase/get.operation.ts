import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import { knowledgePaths } from '../../helpers/knowledge/api';
import { datasetIdProperty } from '../../helpers/knowledge/descriptions';
import { idsOperation } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [datasetIdProperty, optionsCollection()];

export const operation = idsOperation({
	ids: ['dataset'],
	request: ({ dataset }) => ({ method: 'GET', path: knowledgePaths.dataset(dataset) }),
});
