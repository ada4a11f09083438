import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { requireString } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty, documentIdProperty } from '../../helpers/knowledge/descriptions';
import { downloadSignedFile } from '../../helpers/knowledge/download';
import { readIds } from '../../helpers/knowledge/ids';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	{
		displayName: 'Download File',
		name: 'downloadFile',
		type: 'boolean',
		default: true,
		description:
			'Whether to download the file into the item. Off: the item has only the signed URL Dify gives, which expires.',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyOutput',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { downloadFile: [true] } },
	},
	optionsCollection(),
];

interface Prepared {
	datasetId: string;
	documentId: string;
	binaryProperty: string | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset, document } = readIds(this, i, ['dataset', 'document']);
		const download = this.getNodeParameter('downloadFile', i, true) === true;
		const binaryProperty = download
			? requireString(
					this.getNode(),
					i,
					'Put Output File in Field',
					this.getNodeParameter('binaryPropertyOutput', i, 'data'),
				).trim()
			: undefined;
		return { datasetId: dataset, documentId: document, binaryProperty };
	},

	async execute(this: IExecuteFunctions, i, { datasetId, documentId, binaryProperty }) {
		const body = await knowledgeRequest<IDataObject>(this, i, {
			method: 'GET',
			path: knowledgePaths.download(datasetId, documentId),
		});
		const json: IDataObject = { document_id: documentId, url: body.url };
		if (!binaryProperty) return json;
		const file = await downloadSignedFile(this, i, String(body.url ?? ''), documentId);
		return {
			json: { ...json, file_name: file.fileName, mime_type: file.mimeType, size: file.size },
			binary: { [binaryProperty]: file.binary },
		};
	},
};
