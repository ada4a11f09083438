import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import { knowledgePaths } from '../../helpers/knowledge/api';
import { childChunkIdProperty, parentChunkProperties } from '../../helpers/knowledge/descriptions';
import { deleteOperation } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [
	...parentChunkProperties,
	childChunkIdProperty,
	optionsCollection(),
];

export const operation = deleteOperation(
	['dataset', 'document', 'segment', 'childChunk'],
	(ids) => knowledgePaths.childChunk(ids.dataset, ids.document, ids.segment, ids.childChunk),
	'childChunk',
);
