import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import {
	childChunkIdProperty,
	childContentProperty,
	parentChunkProperties,
} from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';
import { readContent } from '../../helpers/knowledge/inputs';
import { unwrapData } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [
	...parentChunkProperties,
	childChunkIdProperty,
	{ ...childContentProperty, description: "The child chunk's new text" },
	optionsCollection(),
];

export const operation: ItemOperation<{ path: string; content: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		const ids = readIds(this, i, ['dataset', 'document', 'segment', 'childChunk']);
		return {
			path: knowledgePaths.childChunk(ids.dataset, ids.document, ids.segment, ids.childChunk),
			content: readContent(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { path, content }) {
		const body = await knowledgeRequest(this, i, { method: 'PATCH', path, body: { content } });
		return unwrapData(body);
	},
};
