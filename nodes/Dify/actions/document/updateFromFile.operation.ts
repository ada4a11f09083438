import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	additionalFieldsCollection,
	optionsCollection,
} from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { knowledgePaths } from '../../helpers/knowledge/api';
import {
	datasetIdProperty,
	documentBinaryProperty,
	documentIdProperty,
} from '../../helpers/knowledge/descriptions';
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

// openapi_service.json marks POST …/update-by-file deprecated and names PATCH
// /datasets/{dataset_id}/documents/{document_id} (multipart, the same `data` part) the canonical
// file update: the node sends that.
export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	documentBinaryProperty,
	...waitProperties,
	additionalFieldsCollection(
		documentSettingsProperties([
			'docForm',
			'docLanguage',
			'embeddingModel',
			'embeddingModelProvider',
			'fileName',
		]),
	),
	{
		...additionalBodyFieldsProperty,
		description:
			'More settings (sent in the JSON "data" part with the file), as a JSON object: for example retrieval_model. Merged last.',
	},
	optionsCollection(),
];

interface Prepared {
	datasetId: string;
	documentId: string;
	settings: IDataObject;
	file: DocumentFile;
	wait: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset, document } = readIds(this, i, ['dataset', 'document']);
		const { settings, fileName } = readDocumentSettings(this, i, { create: false });
		return {
			datasetId: dataset,
			documentId: document,
			settings,
			file: readDocumentFile(this, i, fileName),
			wait: readWait(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { datasetId, documentId, settings, file, wait }) {
		const answer = await sendDocumentFile(this, i, {
			method: 'PATCH',
			path: knowledgePaths.document(datasetId, documentId),
			settings,
			file,
		});
		return await documentItem(this, i, datasetId, answer, wait);
	},
};
