import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { childContentProperty, parentChunkProperties } from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';
import { readContent } from '../../helpers/knowledge/inputs';
import { unwrapData } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [
	...parentChunkProperties,
	childContentProperty,
	optionsCollection(),
];

export const operation: ItemOperation<{ path: string; content: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset, document, segment } = readIds(this, i, ['dataset', 'document', 'segment']);
		return {
			path: knowledgePaths.childChunks(dataset, document, segment),
			content: readContent(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { path, content }) {
		const body = await knowledgeRequest(this, i, { method: 'POST', path, body: { content } });
		return unwrapData(body);
	},
};
