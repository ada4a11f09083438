import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import { datasetIdProperty, tagIdsProperty } from '../../helpers/knowledge/descriptions';
import { bindingOperation } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	tagIdsProperty,
	optionsCollection(),
];

export const operation = bindingOperation('bind');
