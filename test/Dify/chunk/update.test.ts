/** Chunk → Update: POST to the chunk's own path with the changes inside "segment". */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chunk',
	operation: 'update',
	datasetId: knowledge.DOCS_DATASET,
	documentId: knowledge.DOCS_DOCUMENT,
	segmentId: knowledge.DOCS_SEGMENT,
});

describe('Dify: Chunk → Update', () => {
	test('sends only the changes, keywords as a list; outputs the updated chunk', async () => {
		const result = await run({
			updateFields: {
				content: 'Dify is an open-source LLMOps platform.',
				keywords: 'dify, llmops',
				enabled: false,
			},
			additionalBodyFields: '{"summary":"About Dify"}',
		});
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST');
		expect(sent.path).toBe(
			`/datasets/${knowledge.DOCS_DATASET}/documents/${knowledge.DOCS_DOCUMENT}/segments/${knowledge.DOCS_SEGMENT}`,
		);
		expect(sent.body).toEqual({
			segment: {
				content: 'Dify is an open-source LLMOps platform.',
				keywords: ['dify', 'llmops'],
				enabled: false,
				summary: 'About Dify',
			},
		});
		expect(json(result)).toMatchObject({
			id: knowledge.DOCS_SEGMENT,
			content: 'Dify is an open-source LLMOps platform.',
			enabled: false,
			summary: 'About Dify',
			doc_form: 'text_model',
		});
	});

	test('nothing to change, or an empty content, is refused before any request; an update is not retried after a 500', async () => {
		expect((await run({ updateFields: {} })).error?.message).toBe(
			'Update Fields: add at least one field to change',
		);
		expect((await run({ updateFields: { content: ' ' } })).error?.message).toBe(
			'Content: must not be empty',
		);
		expect(ctx.sim.requests).toHaveLength(0);
		ctx.sim.fault({ method: 'POST' }, { status: 500 });
		const failed = await run({ updateFields: { answer: 'x' } });
		expect(failed.error?.httpCode).toBe('500');
		expect(ctx.sim.calls('POST')).toHaveLength(1);
	});
});
