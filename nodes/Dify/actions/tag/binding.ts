/** Bind and Unbind: tags and the knowledge base they go on or come off. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { parseList } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty, tagIdsProperty } from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';

export const bindingProperties: INodeProperties[] = [
	datasetIdProperty,
	tagIdsProperty,
	optionsCollection(),
];

interface Prepared {
	targetId: string;
	tagIds: string[];
}

export function bindingOperation(which: 'bind' | 'unbind'): ItemOperation<Prepared> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			const { dataset } = readIds(this, i, ['dataset']);
			const tagIds = parseList(
				this.getNode(),
				i,
				'Tag IDs',
				this.getNodeParameter('tagIds', i, ''),
				{
					min: 1,
					unique: true,
				},
			);
			return { targetId: dataset, tagIds };
		},

		async execute(this: IExecuteFunctions, i, { targetId, tagIds }) {
			// Dify answers 204 without a body (and ignores tag IDs it does not know)
			await knowledgeRequest(this, i, {
				method: 'POST',
				path: which === 'bind' ? knowledgePaths.tagBinding : knowledgePaths.tagUnbinding,
				body: { tag_ids: tagIds, target_id: targetId },
				// binding twice, or unbinding twice, leaves the same tags
				idempotent: true,
			});
			return { success: true, target_id: targetId, tag_ids: tagIds };
		},
	};
}
