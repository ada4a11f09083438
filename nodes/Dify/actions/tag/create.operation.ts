import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { tagNameProperty } from '../../helpers/knowledge/descriptions';
import { readTagName } from '../../helpers/knowledge/inputs';

export const properties: INodeProperties[] = [tagNameProperty, optionsCollection()];

export const operation: ItemOperation<{ name: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { name: readTagName(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { name }) {
		return await knowledgeRequest(this, i, {
			method: 'POST',
			path: knowledgePaths.tags,
			body: { name },
		});
	},
};
