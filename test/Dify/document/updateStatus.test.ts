/** Document → Update Status: enable, disable, archive or un-archive a batch of documents. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'document',
	operation: 'updateStatus',
	datasetId: knowledge.HELP_DATASET,
});
const documents = () =>
	knowledge.storeOf(ctx.sim.state).datasets.get(knowledge.HELP_DATASET).documents;

describe('Dify: Document → Update Status', () => {
	test('PATCH …/documents/status/{action} with the document IDs; the documents change; outputs the result', async () => {
		const seeded = knowledge.seedDocuments(ctx.sim.state, knowledge.HELP_DATASET, 2, {
			prefix: 'Batch',
		});
		const result = await run({ documentIds: seeded.join(', '), statusChange: 'archive' });
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('PATCH');
		expect(sent.path).toBe(`/datasets/${knowledge.HELP_DATASET}/documents/status/archive`);
		expect(sent.body).toEqual({ document_ids: seeded });
		expect(json(result)).toEqual({ result: 'success', action: 'archive', document_ids: seeded });
		expect(seeded.map((id: string) => documents().get(id).archived)).toEqual([true, true]);
		await run({ documentIds: seeded, statusChange: 'un_archive' });
		await run({ documentIds: seeded, statusChange: 'disable' });
		expect(
			seeded.map((id: string) => [documents().get(id).archived, documents().get(id).enabled]),
		).toEqual([
			[false, false],
			[false, false],
		]);
	});

	test('a document still indexing refuses the action: 400 invalid_action, explained; the same action is retried after a 500', async () => {
		knowledge.storeOf(ctx.sim.state).stageMs = 60_000;
		const created = await run({ operation: 'createFromText', name: 'Indexing', text: 'Busy.' });
		const result = await run(
			{ documentIds: json(created).id, statusChange: 'disable' },
			{ continueOnFail: true },
		);
		expect(json(result)).toMatchObject({
			error: 'Document: Indexing is not completed.',
			httpCode: '400',
			code: 'invalid_action',
		});
		expect(json(result).errorDescription).toContain('Get Indexing Status');
		ctx.sim.reset();
		ctx.sim.fault({ method: 'PATCH' }, { status: 500 });
		const retried = await run({
			documentIds: knowledge.seedDocuments(ctx.sim.state, knowledge.HELP_DATASET, 1),
			statusChange: 'enable',
		});
		expect(retried.error).toBeUndefined();
		expect(ctx.sim.calls('PATCH')).toHaveLength(2);
	});

	test('no document IDs, a repeated ID or an unknown action is refused before any request', async () => {
		for (const [parameters, message] of [
			[
				{ documentIds: ' , ', statusChange: 'enable' },
				'Document IDs: needs at least 1 entry, got 0',
			],
			[
				{ documentIds: 'a, a', statusChange: 'enable' },
				'Document IDs: contains "a" more than once; every entry must be unique',
			],
			[
				{ documentIds: 'a', statusChange: 'delete' },
				'Status Change: must be one of enable, disable, archive, un_archive, got "delete"',
			],
		] as const) {
			const result = await run(parameters as never);
			expect(result.error?.message).toBe(message);
		}
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
