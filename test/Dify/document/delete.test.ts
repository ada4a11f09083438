/** Document → Delete. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'document',
	operation: 'delete',
	datasetId: knowledge.HELP_DATASET,
});

describe('Dify: Document → Delete', () => {
	test('DELETE …/documents/{id}; outputs what was deleted; it is gone from the list', async () => {
		const [keep, gone] = knowledge.seedDocuments(ctx.sim.state, knowledge.HELP_DATASET, 2, {
			prefix: 'Delete me',
		});
		const result = await run({ documentId: gone });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, id: gone }]);
		expect(ctx.sim.calls('DELETE')[0].path).toBe(
			`/datasets/${knowledge.HELP_DATASET}/documents/${gone}`,
		);
		const list = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { keyword: 'Delete me' },
		});
		expect(list.items.map((i) => i.json.id)).toEqual([keep]);
	});

	test('an archived document is 403 archived_document_immutable, explained (un-archive first); a delete is not retried', async () => {
		const [id] = knowledge.seedDocuments(ctx.sim.state, knowledge.HELP_DATASET, 1, {
			prefix: 'Archived',
		});
		knowledge
			.storeOf(ctx.sim.state)
			.datasets.get(knowledge.HELP_DATASET)
			.documents.get(id).archived = true;
		const result = await run({ documentId: id }, { continueOnFail: true });
		expect(json(result)).toMatchObject({
			error: 'The archived document is not editable.',
			httpCode: '403',
			code: 'archived_document_immutable',
			retryable: false,
		});
		expect(json(result).errorDescription).toContain('Un-Archive');
		expect(ctx.sim.calls('DELETE')).toHaveLength(1);
	});

	test('an unknown document is 404 "Document Not Exists."; a bad ID sends nothing', async () => {
		const missing = await run({ documentId: '00000000-0000-4000-8000-000000000404' });
		expect(missing.error?.message).toBe('Document Not Exists.');
		ctx.sim.reset();
		const bad = await run({ documentId: 'x/y' });
		expect(bad.error?.message).toMatch(/^Document ID: .* contains a slash/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
