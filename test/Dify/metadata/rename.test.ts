/** Metadata → Rename. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'metadata',
	datasetId: knowledge.DOCS_DATASET,
});
const base = `/datasets/${knowledge.DOCS_DATASET}/metadata`;

describe('Dify: Metadata → Rename', () => {
	test("PATCH …/metadata/{id} with the new name; the documents' values follow the field", async () => {
		const id = String(json(await run({ operation: 'create', name: 'owner', type: 'string' })).id);
		const [document] = knowledge.seedDocuments(ctx.sim.state, knowledge.DOCS_DATASET, 1);
		await run({
			operation: 'setOnDocuments',
			documentIds: document,
			metadataValues: { values: [{ fieldName: 'owner', value: 'Sam' }] },
		});
		ctx.sim.reset();
		const renamed = await run({ operation: 'rename', metadataId: id, name: 'maintainer' });
		expect(ctx.sim.calls('PATCH')[0]).toMatchObject({
			path: `${base}/${id}`,
			body: { name: 'maintainer' },
		});
		expect(json(renamed)).toEqual({ id, name: 'maintainer', type: 'string' });
		const read = await run({ resource: 'document', operation: 'get', documentId: document });
		expect(json(read).doc_metadata).toEqual([
			{ id, name: 'maintainer', type: 'string', value: 'Sam' },
		]);
	});

	test('a name taken is 400; an unknown field is 404; a bad Metadata Field ID sends nothing', async () => {
		const id = String(json(await run({ operation: 'create', name: 'editor', type: 'string' })).id);
		expect(
			(await run({ operation: 'rename', metadataId: id, name: 'author' })).error?.httpCode,
		).toBe('400');
		expect(
			(
				await run({
					operation: 'rename',
					metadataId: '00000000-0000-4000-8000-000000000404',
					name: 'x',
				})
			).error?.message,
		).toBe('Metadata not found.');
		ctx.sim.reset();
		expect(
			(await run({ operation: 'rename', metadataId: 'meta', name: 'n' })).error?.message,
		).toMatch(/^Metadata Field ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
