import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { tagIdProperty } from '../../helpers/knowledge/descriptions';
import { readTagId } from '../../helpers/knowledge/ids';

export const properties: INodeProperties[] = [tagIdProperty, optionsCollection()];

export const operation: ItemOperation<{ tagId: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { tagId: readTagId(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { tagId }) {
		// Dify answers 204 without a body; the tag's knowledge bases stay
		await knowledgeRequest(this, i, {
			method: 'DELETE',
			path: knowledgePaths.tags,
			body: { tag_id: tagId },
		});
		return { deleted: true, id: tagId };
	},
};
