import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalBodyFieldsProperty, optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { runsAsTool } from '../../../common/items';
import { readAdditionalJson, requireString } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty } from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';
import { dataList } from '../../helpers/knowledge/lists';
import {
	MAX_QUERY_LENGTH,
	readRetrievalModel,
	recordItem,
	retrievalProperties,
	toolRecord,
} from '../../helpers/knowledge/retrieval';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		placeholder: 'How long do refunds take?',
		description: 'What to search the knowledge base for (at most 250 characters)',
	},
	...retrievalProperties,
	{
		...additionalBodyFieldsProperty,
		description:
			'More search fields, as a JSON object: for example attachment_ids, or external_retrieval_model for an external knowledge base. Merged last.',
	},
	optionsCollection([
		{
			displayName: 'Include Full Chunk',
			name: 'includeSegment',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the whole chunk record Dify returned (keywords, hit count, index IDs, timestamps) as "segment"',
		},
	]),
];

interface Prepared {
	datasetId: string;
	body: IDataObject;
	full: boolean;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { dataset } = readIds(this, i, ['dataset']);
		const query = requireString(this.getNode(), i, 'Query', this.getNodeParameter('query', i, ''), {
			max: MAX_QUERY_LENGTH,
		}).trim();
		const body: IDataObject = { query };
		const retrievalModel = readRetrievalModel(this, i);
		if (retrievalModel) body.retrieval_model = retrievalModel;
		Object.assign(body, readAdditionalJson(this, i, 'additionalBodyFields'));
		const full = this.getNodeParameter('options.includeSegment', i, false) === true;
		return { datasetId: dataset, body, full };
	},

	async execute(this: IExecuteFunctions, i, { datasetId, body, full }) {
		const path = knowledgePaths.retrieve(datasetId);
		// a search changes nothing: retried like a read
		const answer = await knowledgeRequest(this, i, {
			method: 'POST',
			path,
			body,
			idempotent: true,
		});
		const records = dataList(this, i, path, answer, 'records');
		if (runsAsTool(this)) {
			return records.length
				? records.map(toolRecord)
				: [{ message: 'Nothing in the knowledge base matched the query.' }];
		}
		return records.map((record) => recordItem(record, full));
	},
};
