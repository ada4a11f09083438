import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	additionalFieldsCollection,
	optionsCollection,
} from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty, textProperties } from '../../helpers/knowledge/descriptions';
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
	...textProperties,
	...waitProperties,
	additionalFieldsCollection(
		documentSettingsProperties([
			'docForm',
			'docLanguage',
			'embeddingModel',
			'embeddingModelProvider',
			'indexingTechnique',
		]),
	),
	{
		...additionalBodyFieldsProperty,
		description:
			'More fields for the document, as a JSON object: for example retrieval_model, or original_document_id. Merged last.',
	},
	optionsCollection(),
];

interface Prepared {
	datasetId: string;
	body: IDataObject;
	wait: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset } = readIds(this, i, ['dataset']);
		const { name, text } = readText(this, i);
		const { settings } = readDocumentSettings(this, i, { create: true });
		return { datasetId: dataset, body: { name, text, ...settings }, wait: readWait(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { datasetId, body, wait }) {
		const answer = await knowledgeRequest(this, i, {
			method: 'POST',
			path: knowledgePaths.createByText(datasetId),
			body,
		});
		return await documentItem(this, i, datasetId, answer, wait);
	},
};
