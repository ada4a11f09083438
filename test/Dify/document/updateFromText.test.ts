/** Document → Update From Text. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'document',
	operation: 'updateFromText',
	datasetId: knowledge.HELP_DATASET,
});

beforeEach(() => {
	knowledge.storeOf(ctx.sim.state).stageMs = 40;
});

describe('Dify: Document → Update From Text', () => {
	test('POST …/update-by-text with the name and text (no chunking rule unless set); Dify indexes again under a new batch', async () => {
		const [id] = knowledge.seedDocuments(ctx.sim.state, knowledge.HELP_DATASET, 1, {
			prefix: 'Holidays',
		});
		const before = knowledge
			.storeOf(ctx.sim.state)
			.datasets.get(knowledge.HELP_DATASET)
			.documents.get(id).batch;
		const result = await run({
			documentId: id,
			name: 'Holidays',
			text: 'The shop is closed on 25 and 26 December.',
			waitForIndexing: true,
		});
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST');
		expect(sent.path).toBe(`/datasets/${knowledge.HELP_DATASET}/documents/${id}/update-by-text`);
		expect(sent.body).toEqual({
			name: 'Holidays',
			text: 'The shop is closed on 25 and 26 December.',
		});
		expect(json(result)).toMatchObject({ id, name: 'Holidays', indexing_status: 'completed' });
		expect(json(result).batch).not.toBe(before);
	});

	test('a document that is still indexing cannot be updated: 400 "Document is not available", explained', async () => {
		knowledge.storeOf(ctx.sim.state).stageMs = 60_000;
		const created = await run({ operation: 'createFromText', name: 'Fresh', text: 'Just added.' });
		const result = await run(
			{ documentId: json(created).id, name: 'Fresh', text: 'Changed already.' },
			{ continueOnFail: true },
		);
		expect(json(result)).toMatchObject({
			error: 'Document is not available',
			httpCode: '400',
			code: 'invalid_param',
		});
		expect(json(result).errorDescription).toContain('Wait Until Indexed');
	});

	test('a bad Document ID or an empty text is refused before any request; an unknown document is 404', async () => {
		const bad = await run({ documentId: 'doc-1', name: 'n', text: 't' });
		expect(bad.error?.message).toMatch(/^Document ID: must be a UUID/);
		const empty = await run({ documentId: knowledge.DOCS_DOCUMENT, name: 'n', text: ' ' });
		expect(empty.error?.message).toBe('Text: must not be empty');
		expect(ctx.sim.requests).toHaveLength(0);
		const missing = await run({
			documentId: '00000000-0000-4000-8000-000000000404',
			name: 'n',
			text: 't',
		});
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.message).toBe('Document not found.');
	});
});
