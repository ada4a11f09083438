import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { readIds } from '../../helpers/knowledge/ids';
import { unwrapData } from '../../helpers/knowledge/operations';
import { contentProperty, parentProperties, readContent } from './content';

export const properties: INodeProperties[] = [
	...parentProperties,
	contentProperty,
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
