import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { invalid, optionalText } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from '../../helpers/knowledge/api';
import { datasetIdProperty, documentIdsProperty } from '../../helpers/knowledge/descriptions';
import { readDocumentIds, readIds } from '../../helpers/knowledge/ids';
import { dataList } from '../../helpers/knowledge/lists';

export const properties: INodeProperties[] = [
	datasetIdProperty,
	documentIdsProperty,
	{
		displayName: 'Metadata Values',
		name: 'metadataValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Value',
		default: {},
		description: "The values to set, by the field's name (Metadata → Get Many lists the fields)",
		options: [
			{
				displayName: 'Value',
				name: 'values',
				values: [
					{
						displayName: 'Field Name',
						name: 'fieldName',
						type: 'string',
						default: '',
						placeholder: 'author',
						description: 'A metadata field of the knowledge base',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Text, a number (Number fields) or a date (Time fields). Empty clears the value.',
					},
				],
			},
		],
	},
	{
		displayName: 'Keep Other Values',
		name: 'partialUpdate',
		type: 'boolean',
		default: true,
		description:
			'Whether the documents keep their values of the fields not listed here. Off: those are removed.',
	},
	optionsCollection(),
];

interface Prepared {
	datasetId: string;
	documentIds: string[];
	values: Array<{ name: string; value: string; row: number }>;
	partialUpdate: boolean;
}

/** A value in the form its field's type takes: a number, a Unix timestamp, or text; null clears. */
function typedValue(
	ctx: IExecuteFunctions,
	i: number,
	row: number,
	type: string,
	value: string,
): string | number | null {
	if (value === '') return null;
	const field = `Metadata Values → Value ${row + 1} → Value`;
	if (type === 'number') {
		const n = Number(value);
		if (!Number.isFinite(n))
			throw invalid(
				ctx.getNode(),
				i,
				field,
				`must be a number for this Number field, got "${value}"`,
			);
		return n;
	}
	if (type === 'time') {
		if (/^\d+$/.test(value.trim())) return Number(value.trim());
		const ms = Date.parse(value);
		if (!Number.isFinite(ms))
			throw invalid(ctx.getNode(), i, field, `must be a date or a Unix timestamp, got "${value}"`);
		return Math.floor(ms / 1000);
	}
	return value;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const { dataset } = readIds(this, i, ['dataset']);
		const rows = ((this.getNodeParameter('metadataValues', i, {}) as IDataObject).values ??
			[]) as IDataObject[];
		if (rows.length === 0) throw invalid(node, i, 'Metadata Values', 'add at least one value');
		const values = rows.map((row, n) => {
			const name = optionalText(row.fieldName);
			if (!name)
				throw invalid(
					node,
					i,
					`Metadata Values → Value ${n + 1} → Field Name`,
					'must not be empty',
				);
			return { name, value: row.value === undefined ? '' : String(row.value), row: n };
		});
		return {
			datasetId: dataset,
			documentIds: readDocumentIds(this, i),
			values,
			partialUpdate: this.getNodeParameter('partialUpdate', i, true) !== false,
		};
	},

	async execute(this: IExecuteFunctions, i, { datasetId, documentIds, values, partialUpdate }) {
		// Dify wants each value with its field's ID and name: read the fields once for the item
		const fieldsPath = knowledgePaths.metadata(datasetId);
		const fields = dataList(
			this,
			i,
			fieldsPath,
			await knowledgeRequest(this, i, { method: 'GET', path: fieldsPath }),
			'doc_metadata',
		);
		const metadataList = values.map(({ name, value, row }) => {
			const field = fields.find((f) => f.name === name);
			if (!field)
				throw invalid(
					this.getNode(),
					i,
					`Metadata Values → Value ${row + 1} → Field Name`,
					`the knowledge base has no metadata field "${name}"`,
					'Metadata → Create adds a field; Metadata → Get Many lists the existing ones.',
				);
			return {
				id: field.id,
				name,
				value: typedValue(this, i, row, String(field.type ?? 'string'), value),
			};
		});
		const body = await knowledgeRequest(this, i, {
			method: 'POST',
			path: knowledgePaths.documentsMetadata(datasetId),
			body: {
				operation_data: documentIds.map((id) => ({
					document_id: id,
					metadata_list: metadataList,
					partial_update: partialUpdate,
				})),
			},
			// setting the same values twice leaves the same values: retried like a read
			idempotent: true,
		});
		return { ...body, document_ids: documentIds, metadata: metadataList };
	},
};
