/** Document → Update From File: PATCH /datasets/{id}/documents/{id}, multipart (the reference's canonical file update). */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'document',
	operation: 'updateFromFile',
	datasetId: knowledge.HELP_DATASET,
});
const file = (text: string, fileName = 'shipping.md') => ({
	json: {},
	binary: {
		data: { data: Buffer.from(text).toString('base64'), mimeType: 'text/markdown', fileName },
	},
});

beforeEach(() => {
	knowledge.storeOf(ctx.sim.state).stageMs = 40;
});

describe('Dify: Document → Update From File', () => {
	test('PATCH with the file and the settings in "data" (no indexing technique, no rule unless set); waits until indexed', async () => {
		const [id] = knowledge.seedDocuments(ctx.sim.state, knowledge.HELP_DATASET, 1, {
			prefix: 'Old shipping',
		});
		const result = await run(
			{
				documentId: id,
				waitForIndexing: true,
				additionalFields: {
					docLanguage: 'English',
					embeddingModel: 'text-embedding-3-small',
					embeddingModelProvider: 'langgenius/openai/openai',
				},
			},
			{ items: [file('Parcels to Ireland take 3 business days.')] },
		);
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('PATCH');
		expect(sent.path).toBe(`/datasets/${knowledge.HELP_DATASET}/documents/${id}`);
		expect(JSON.parse(sent.body.data)).toEqual({
			doc_language: 'English',
			embedding_model: 'text-embedding-3-small',
			embedding_model_provider: 'langgenius/openai/openai',
		});
		expect(sent.body.file.filename).toBe('shipping.md');
		expect(json(result)).toMatchObject({ id, name: 'shipping.md', indexing_status: 'completed' });
		expect(ctx.sim.calls('POST', '/datasets')).toHaveLength(0);
	});

	test('an archived document is not available for an update (400, explained); a missing binary field sends nothing', async () => {
		const [id] = knowledge.seedDocuments(ctx.sim.state, knowledge.HELP_DATASET, 1, {
			prefix: 'Archived',
		});
		knowledge
			.storeOf(ctx.sim.state)
			.datasets.get(knowledge.HELP_DATASET)
			.documents.get(id).archived = true;
		const result = await run({ documentId: id }, { items: [file('x')], continueOnFail: true });
		expect(json(result)).toMatchObject({
			error: 'Document is not available',
			code: 'invalid_param',
		});
		ctx.sim.reset();
		const missing = await run({ documentId: id }, { items: [{ json: {} }] });
		expect(missing.error?.message).toBe(
			'Input Binary Field: the input item has no binary field "data"',
		);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
