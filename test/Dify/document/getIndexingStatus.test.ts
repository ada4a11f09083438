/** Document → Get Indexing Status: how far a batch has come, one item per document. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'document',
	datasetId: knowledge.HELP_DATASET,
});

describe('Dify: Document → Get Indexing Status', () => {
	test('GET …/documents/{batch}/indexing-status: the stage moves on over time until completed', async () => {
		// a stage lasts 1.5 s: long enough that the first read lands in "waiting" on a loaded machine
		knowledge.storeOf(ctx.sim.state).stageMs = 1500;
		const created = json(
			await run({ operation: 'createFromText', name: 'Stages', text: 'One.\n\nTwo.' }),
		);
		const seen: string[] = [];
		for (let n = 0; n < 200 && seen.at(-1) !== 'completed'; n++) {
			const result = await run({ operation: 'getIndexingStatus', batch: created.batch });
			expect(result.items).toHaveLength(1);
			const status = String(json(result).indexing_status);
			if (seen.at(-1) !== status) seen.push(status);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		expect(seen[0]).toBe('waiting');
		expect(seen.at(-1)).toBe('completed');
		// the stages in Dify's order, several of them seen on the way
		const stages = ['waiting', 'parsing', 'cleaning', 'splitting', 'indexing', 'completed'];
		expect(seen).toEqual(stages.filter((stage) => seen.includes(stage)));
		expect(seen.length).toBeGreaterThanOrEqual(3);
		const done = await run({ operation: 'getIndexingStatus', batch: created.batch });
		expect(json(done)).toMatchObject({
			id: created.id,
			batch: created.batch,
			completed_segments: 2,
			total_segments: 2,
			error: null,
		});
		expect(ctx.sim.calls('GET').at(-1)?.path).toBe(
			`/datasets/${knowledge.HELP_DATASET}/documents/${created.batch}/indexing-status`,
		);
	});

	test('an unknown batch is 404 "Documents not found."; a batch with a slash is refused before any request', async () => {
		const missing = await run({ operation: 'getIndexingStatus', batch: '19990101000000000000' });
		expect(missing.error?.message).toBe('Documents not found.');
		ctx.sim.reset();
		const bad = await run({ operation: 'getIndexingStatus', batch: '2025/01' });
		expect(bad.error?.message).toMatch(/^Batch: .* contains a slash/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
