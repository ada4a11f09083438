import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { invalid } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty, fieldNameProperty } from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';
import { readFieldName } from '../../helpers/knowledge/inputs';

const TYPES = ['string', 'number', 'time'];

export const properties: INodeProperties[] = [
	datasetIdProperty,
	fieldNameProperty,
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Number', value: 'number' },
			{ name: 'String', value: 'string' },
			{ name: 'Time', value: 'time', description: 'A date and time' },
		],
		default: 'string',
		description: 'The kind of values the field holds',
	},
	optionsCollection(),
];

interface Prepared {
	datasetId: string;
	name: string;
	type: string;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset } = readIds(this, i, ['dataset']);
		const type = String(this.getNodeParameter('type', i, 'string'));
		if (!TYPES.includes(type))
			throw invalid(this.getNode(), i, 'Type', `must be one of ${TYPES.join(', ')}, got "${type}"`);
		return { datasetId: dataset, name: readFieldName(this, i), type };
	},

	async execute(this: IExecuteFunctions, i, { datasetId, name, type }) {
		return await knowledgeRequest(this, i, {
			method: 'POST',
			path: knowledgePaths.metadata(datasetId),
			body: { type, name },
		});
	},
};
