import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { invalid } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty } from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description:
			'Whether the knowledge base keeps the built-in metadata fields (document name, uploader, upload date, last update date, source)',
	},
	optionsCollection(),
];

export const operation: ItemOperation<{ datasetId: string; action: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset } = readIds(this, i, ['dataset']);
		const enabled = this.getNodeParameter('enabled', i, true);
		if (typeof enabled !== 'boolean')
			throw invalid(
				this.getNode(),
				i,
				'Enabled',
				`must be true or false, got ${JSON.stringify(enabled)}`,
			);
		return { datasetId: dataset, action: enabled ? 'enable' : 'disable' };
	},

	async execute(this: IExecuteFunctions, i, { datasetId, action }) {
		// switching on (or off) twice leaves the same state: retried like a read
		const body = await knowledgeRequest(this, i, {
			method: 'POST',
			path: knowledgePaths.builtInMetadataAction(datasetId, action),
			idempotent: true,
		});
		return { ...body, built_in_field_enabled: action === 'enable' };
	},
};
