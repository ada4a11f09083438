import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	additionalFieldsCollection,
	optionsCollection,
} from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { knowledgePaths } from '../../helpers/knowledge/api';
import { datasetIdProperty, documentBinaryProperty } from '../../helpers/knowledge/descriptions';
import type { DocumentFile } from '../../helpers/knowledge/documents';
import {
	documentItem,
	documentSettingsProperties,
	readDocumentFile,
	readDocumentSettings,
	sendDocumentFile,
} from '../../helpers/knowledge/documents';
import { readIds } from '../../helpers/knowledge/ids';
import { readWait, waitProperties } from '../../helpers/knowledge/indexing';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentBinaryProperty,
	...waitProperties,
	additionalFieldsCollection(
		documentSettingsProperties([
			'docForm',
			'docLanguage',
			'embeddingModel',
			'embeddingModelProvider',
			'fileName',
			'indexingTechnique',
		]),
	),
	{
		...additionalBodyFieldsProperty,
		description:
			'More settings for the document (sent in the JSON "data" part with the file), as a JSON object: for example retrieval_model. Merged last.',
	},
	optionsCollection(),
];

interface Prepared {
	datasetId: string;
	settings: IDataObject;
	file: DocumentFile;
	wait: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset } = readIds(this, i, ['dataset']);
		const { settings, fileName } = readDocumentSettings(this, i, { create: true });
		return {
			datasetId: dataset,
			settings,
			file: readDocumentFile(this, i, fileName),
			wait: readWait(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { datasetId, settings, file, wait }) {
		const answer = await sendDocumentFile(this, i, {
			method: 'POST',
			path: knowledgePaths.createByFile(datasetId),
			settings,
			file,
		});
		return await documentItem(this, i, datasetId, answer, wait);
	},
};
