import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	additionalFieldsCollection,
	optionsCollection,
} from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import {
	datasetIdProperty,
	documentIdProperty,
	textProperties,
} from '../../helpers/knowledge/descriptions';
import {
	documentItem,
	documentSettingsProperties,
	readDocumentSettings,
} from '../../helpers/knowledge/documents';
import { readIds } from '../../helpers/knowledge/ids';
import { readWait, waitProperties } from '../../helpers/knowledge/indexing';
import { readText } from '../../helpers/knowledge/inputs';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	...textProperties,
	...waitProperties,
	additionalFieldsCollection(documentSettingsProperties(['docForm', 'docLanguage'])),
	{
		...additionalBodyFieldsProperty,
		description: 'More changes, as a JSON object: for example retrieval_model. Merged last.',
	},
	optionsCollection(),
];

interface Prepared {
	datasetId: string;
	documentId: string;
	body: IDataObject;
	wait: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset, document } = readIds(this, i, ['dataset', 'document']);
		const { name, text } = readText(this, i);
		// without chunking fields the document keeps its own chunking rule
		const { settings } = readDocumentSettings(this, i, { create: false });
		return {
			datasetId: dataset,
			documentId: document,
			body: { name, text, ...settings },
			wait: readWait(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { datasetId, documentId, body, wait }) {
		const answer = await knowledgeRequest(this, i, {
			method: 'POST',
			path: knowledgePaths.updateByText(datasetId, documentId),
			body,
		});
		return await documentItem(this, i, datasetId, answer, wait);
	},
};
