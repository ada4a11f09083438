import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	optionsCollection,
	updateFieldsCollection,
} from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { invalid, parseList, readAdditionalJson } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import {
	datasetIdProperty,
	documentIdProperty,
	segmentIdProperty,
} from '../../helpers/knowledge/descriptions';
import { readIds } from '../../helpers/knowledge/ids';
import { unwrapData } from '../../helpers/knowledge/operations';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	segmentIdProperty,
	updateFieldsCollection([
		{
			displayName: 'Answer',
			name: 'answer',
			type: 'string',
			default: '',
			description: 'The new answer, for a document in Q&A chunking mode',
		},
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: "The chunk's new text",
		},
		{
			displayName: 'Enabled',
			name: 'enabled',
			type: 'boolean',
			default: true,
			description: 'Whether searches find the chunk',
		},
		{
			displayName: 'Keywords',
			name: 'keywords',
			type: 'string',
			default: '',
			placeholder: 'refund, return',
			description: 'The new keywords, comma-separated (they replace the old ones)',
		},
		{
			displayName: 'Regenerate Child Chunks',
			name: 'regenerateChildChunks',
			type: 'boolean',
			default: false,
			description: 'Whether Dify splits the new content into new child chunks (Parent-Child mode)',
		},
	]),
	{
		...additionalBodyFieldsProperty,
		description:
			'More changes for the chunk, as a JSON object (they go inside "segment"): for example attachment_ids or summary. Merged last.',
	},
	optionsCollection(),
];

interface Prepared {
	path: string;
	segment: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const { dataset, document, segment: id } = readIds(this, i, ['dataset', 'document', 'segment']);
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const segment: IDataObject = {};
		if (fields.content !== undefined) {
			if (String(fields.content).trim() === '')
				throw invalid(node, i, 'Content', 'must not be empty');
			segment.content = String(fields.content);
		}
		if (fields.answer !== undefined) segment.answer = String(fields.answer);
		if (fields.keywords !== undefined)
			segment.keywords = parseList(node, i, 'Keywords', fields.keywords);
		if (fields.enabled !== undefined) segment.enabled = fields.enabled === true;
		if (fields.regenerateChildChunks !== undefined)
			segment.regenerate_child_chunks = fields.regenerateChildChunks === true;
		Object.assign(segment, readAdditionalJson(this, i, 'additionalBodyFields'));
		if (Object.keys(segment).length === 0)
			throw invalid(node, i, 'Update Fields', 'add at least one field to change');
		return { path: knowledgePaths.segment(dataset, document, id), segment };
	},

	async execute(this: IExecuteFunctions, i, { path, segment }) {
		// Dify updates a chunk with POST to the chunk's own path
		const body = await knowledgeRequest(this, i, { method: 'POST', path, body: { segment } });
		return unwrapData(body);
	},
};
