/** Metadata → Set on Documents: values by field name, sent with each field's ID, typed by the field. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'metadata',
	operation: 'setOnDocuments',
	datasetId: knowledge.DOCS_DATASET,
});

describe('Dify: Metadata → Set on Documents', () => {
	test('reads the fields once, then POST …/documents/metadata: one operation per document, values typed (number, time, text; empty clears)', async () => {
		const pages = json(await run({ operation: 'create', name: 'pages', type: 'number' }))
			.id as string;
		const reviewed = json(await run({ operation: 'create', name: 'reviewed', type: 'time' }))
			.id as string;
		const documents = knowledge.seedDocuments(ctx.sim.state, knowledge.DOCS_DATASET, 2, {
			prefix: 'Tagged',
		});
		ctx.sim.reset();
		const result = await run({
			documentIds: documents,
			metadataValues: {
				values: [
					{ fieldName: 'author', value: 'Ada' },
					{ fieldName: 'pages', value: '12' },
					{ fieldName: 'reviewed', value: '2025-03-01T00:00:00Z' },
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /datasets/${knowledge.DOCS_DATASET}/metadata`,
			`POST /datasets/${knowledge.DOCS_DATASET}/documents/metadata`,
		]);
		const list = [
			{ id: knowledge.DOCS_METADATA, name: 'author', value: 'Ada' },
			{ id: pages, name: 'pages', value: 12 },
			{ id: reviewed, name: 'reviewed', value: 1740787200 },
		];
		expect(ctx.sim.requests[1].body).toEqual({
			operation_data: documents.map((id: string) => ({
				document_id: id,
				metadata_list: list,
				partial_update: true,
			})),
		});
		expect(json(result)).toEqual({ result: 'success', document_ids: documents, metadata: list });
		const read = await run({ resource: 'document', operation: 'get', documentId: documents[0] });
		expect(
			json(read).doc_metadata.map((m: { name: string; value: unknown }) => [m.name, m.value]),
		).toEqual([
			['author', 'Ada'],
			['pages', 12],
			['reviewed', 1740787200],
		]);
		await run({
			documentIds: documents[0],
			metadataValues: { values: [{ fieldName: 'pages', value: '' }] },
			partialUpdate: false,
		});
		expect(ctx.sim.calls('POST').at(-1)?.body.operation_data[0]).toEqual({
			document_id: documents[0],
			metadata_list: [{ id: pages, name: 'pages', value: null }],
			partial_update: false,
		});
	});

	test('a field the knowledge base does not have, or a value its type cannot take, stops the item before the write', async () => {
		const [document] = knowledge.seedDocuments(ctx.sim.state, knowledge.DOCS_DATASET, 1);
		const unknown = await run({
			documentIds: document,
			metadataValues: { values: [{ fieldName: 'colour', value: 'red' }] },
		});
		expect(unknown.error?.message).toBe(
			'Metadata Values → Value 1 → Field Name: the knowledge base has no metadata field "colour"',
		);
		expect(unknown.error?.description).toContain('Metadata → Create');
		await run({ operation: 'create', name: 'weight', type: 'number' });
		ctx.sim.reset();
		const typed = await run({
			documentIds: document,
			metadataValues: { values: [{ fieldName: 'weight', value: 'heavy' }] },
		});
		expect(typed.error?.message).toBe(
			'Metadata Values → Value 1 → Value: must be a number for this Number field, got "heavy"',
		);
		expect(ctx.sim.calls('POST')).toHaveLength(0);
	});

	test('no values, or a row without a field name, is refused before any request; an unknown document is 400', async () => {
		expect((await run({ documentIds: 'd', metadataValues: { values: [] } })).error?.message).toBe(
			'Metadata Values: add at least one value',
		);
		expect(
			(
				await run({
					documentIds: 'd',
					metadataValues: { values: [{ fieldName: ' ', value: 'x' }] },
				})
			).error?.message,
		).toBe('Metadata Values → Value 1 → Field Name: must not be empty');
		expect(ctx.sim.requests).toHaveLength(0);
		const missing = await run({
			documentIds: '00000000-0000-4000-8000-000000000404',
			metadataValues: { values: [{ fieldName: 'author', value: 'x' }] },
		});
		expect(missing.error?.message).toBe('Document not found.');
		expect(missing.error?.httpCode).toBe('400');
	});
});
