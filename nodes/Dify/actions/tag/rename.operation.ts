import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { tagIdProperty, tagNameProperty } from '../../helpers/knowledge/descriptions';
import { readTagId } from '../../helpers/knowledge/ids';
import { readTagName } from '../../helpers/knowledge/inputs';

export const properties: INodeProperties[] = [
	tagIdProperty,
	{
		...tagNameProperty,
		description: "The tag's new name (at most 50 characters, unique in the workspace)",
	},
	optionsCollection(),
];

export const operation: ItemOperation<{ tagId: string; name: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { tagId: readTagId(this, i), name: readTagName(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { tagId, name }) {
		return await knowledgeRequest(this, i, {
			method: 'PATCH',
			path: knowledgePaths.tags,
			body: { tag_id: tagId, name },
		});
	},
};
