import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { invalid } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty, documentIdsProperty } from '../../helpers/knowledge/descriptions';
import { readDocumentIds, readIds } from '../../helpers/knowledge/ids';

const ACTIONS = ['enable', 'disable', 'archive', 'un_archive'];

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdsProperty,
	{
		displayName: 'Status Change',
		name: 'statusChange',
		type: 'options',
		options: [
			{
				name: 'Archive',
				value: 'archive',
				description: 'Out of searches, and read-only until un-archived',
			},
			{ name: 'Disable', value: 'disable', description: 'Out of searches, still editable' },
			{ name: 'Enable', value: 'enable', description: 'Back in searches' },
			{ name: 'Un-Archive', value: 'un_archive', description: 'Back from the archive' },
		],
		default: 'disable',
		description: 'What to do with the documents',
	},
	optionsCollection(),
];

interface Prepared {
	datasetId: string;
	documentIds: string[];
	action: string;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset } = readIds(this, i, ['dataset']);
		const action = String(this.getNodeParameter('statusChange', i, 'disable'));
		if (!ACTIONS.includes(action))
			throw invalid(
				this.getNode(),
				i,
				'Status Change',
				`must be one of ${ACTIONS.join(', ')}, got "${action}"`,
			);
		return { datasetId: dataset, documentIds: readDocumentIds(this, i), action };
	},

	async execute(this: IExecuteFunctions, i, { datasetId, documentIds, action }) {
		// the same action twice leaves the documents as once: retried like a read
		const body = await knowledgeRequest(this, i, {
			method: 'PATCH',
			path: knowledgePaths.documentStatus(datasetId, action),
			body: { document_ids: documentIds },
			idempotent: true,
		});
		return { ...body, action, document_ids: documentIds };
	},
};
