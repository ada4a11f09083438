import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { invalid } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty, documentIdProperty } from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';

const METADATA = ['all', 'only', 'without'];

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	additionalFieldsCollection([
		{
			displayName: 'Metadata',
			name: 'metadata',
			type: 'options',
			options: [
				{ name: 'All', value: 'all', description: 'Every field, with the metadata values' },
				{ name: 'Only', value: 'only', description: 'Only the ID, "doc_type" and "doc_metadata"' },
				{ name: 'Without', value: 'without', description: 'Every field but "doc_metadata"' },
			],
			default: 'all',
			description: "Whether the item has the document's metadata values",
		},
	]),
	optionsCollection(),
];

interface Prepared {
	datasetId: string;
	documentId: string;
	metadata: string | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset, document } = readIds(this, i, ['dataset', 'document']);
		const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const metadata = fields.metadata === undefined ? undefined : String(fields.metadata);
		if (metadata !== undefined && !METADATA.includes(metadata))
			throw invalid(
				this.getNode(),
				i,
				'Metadata',
				`must be all, only or without, got "${metadata}"`,
			);
		return { datasetId: dataset, documentId: document, metadata };
	},

	async execute(this: IExecuteFunctions, i, { datasetId, documentId, metadata }) {
		return await knowledgeRequest(this, i, {
			method: 'GET',
			path: knowledgePaths.document(datasetId, documentId),
			qs: metadata ? { metadata } : undefined,
		});
	},
};
