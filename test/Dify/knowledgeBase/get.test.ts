/** Knowledge Base → Get, and the errors every Knowledge read shares. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'knowledgeBase', operation: 'get' });
const MISSING = '00000000-0000-4000-8000-00000000dead';

describe('Dify: Knowledge Base → Get', () => {
	test('GET /datasets/{id}: the knowledge base as Dify answers it', async () => {
		const result = await run({ datasetId: knowledge.DOCS_DATASET });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('GET')[0].path).toBe(`/datasets/${knowledge.DOCS_DATASET}`);
		expect(json(result)).toMatchObject({
			id: knowledge.DOCS_DATASET,
			name: 'Product Documentation',
			indexing_technique: 'high_quality',
			document_count: 1,
			doc_metadata: [{ id: knowledge.DOCS_METADATA, name: 'author', type: 'string' }],
		});
	});

	test('an ID that is not a UUID (the reference says format uuid) or would change the path is refused before any request', async () => {
		for (const [datasetId, message] of [
			['c42e2a6e', /^Knowledge Base ID: must be a UUID/],
			['../datasets', /^Knowledge Base ID: .* is not an ID: it contains a slash/],
			['   ', /^Knowledge Base ID: must not be empty$/],
		]) {
			const result = await run({ datasetId });
			expect(result.error?.message).toMatch(message);
			expect((result.error as { context?: Record<string, unknown> }).context?.field).toBe(
				'Knowledge Base ID',
			);
		}
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("404 not_found keeps Dify's message; a Continue On Fail item carries the structured fields", async () => {
		const failed = await run({ datasetId: MISSING });
		expect(failed.error?.message).toBe('Dataset not found.');
		expect(failed.error?.httpCode).toBe('404');
		const kept = await run({ datasetId: MISSING }, { continueOnFail: true });
		expect(json(kept)).toEqual({
			error: 'Dataset not found.',
			errorDescription: expect.stringContaining('Dify code: not_found'),
			httpCode: '404',
			code: 'not_found',
			retryable: false,
		});
		expect(kept.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('403 "API access is not enabled" says where to turn it on, and is not retried', async () => {
		const [id] = knowledge.seedDatasets(ctx.sim.state, 1, 'Closed base');
		knowledge.storeOf(ctx.sim.state).datasets.get(id).enable_api = false;
		const result = await run({ datasetId: id }, { continueOnFail: true });
		expect(json(result)).toMatchObject({
			error: 'Dataset api access is not enabled.',
			httpCode: '403',
			code: 'forbidden',
			retryable: false,
		});
		expect(json(result).errorDescription).toContain('turn API Access on');
		expect(ctx.sim.calls('GET')).toHaveLength(1);
	});

	test('a 500 is retried (a read), then the knowledge base comes back', async () => {
		ctx.sim.fault({ method: 'GET', path: `/datasets/${knowledge.DOCS_DATASET}` }, { status: 500 });
		const result = await run({ datasetId: knowledge.DOCS_DATASET });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('GET')).toHaveLength(2);
	});
});
