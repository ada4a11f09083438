/** Metadata → Create, Get Many, Rename, Delete, Get Built-In Fields, Set Built-In Fields. */
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

describe('Dify: Metadata fields', () => {
	test('Create: POST …/metadata with type and name; Get Many lists the fields with how many documents use them', async () => {
		const created = await run({ operation: 'create', name: 'reviewed', type: 'time' });
		expect(created.error).toBeUndefined();
		expect(ctx.sim.calls('POST', base)[0].body).toEqual({ type: 'time', name: 'reviewed' });
		expect(json(created)).toMatchObject({ name: 'reviewed', type: 'time' });
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.items.map((i) => i.json)).toEqual([
			{ id: knowledge.DOCS_METADATA, name: 'author', type: 'string', count: 1 },
			{ id: json(created).id, name: 'reviewed', type: 'time', count: 0 },
		]);
		const one = await run({ operation: 'getAll', limit: 1 });
		expect(one.items).toHaveLength(1);
	});

	test('Rename: PATCH …/metadata/{id}; Delete: outputs what was deleted and the field is gone', async () => {
		const id = json(await run({ operation: 'create', name: 'owner', type: 'string' })).id as string;
		const renamed = await run({ operation: 'rename', metadataId: id, name: 'maintainer' });
		expect(ctx.sim.calls('PATCH')[0]).toMatchObject({
			path: `${base}/${id}`,
			body: { name: 'maintainer' },
		});
		expect(json(renamed)).toMatchObject({ id, name: 'maintainer' });
		const deleted = await run({ operation: 'delete', metadataId: id });
		expect(json(deleted)).toEqual({ deleted: true, id });
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.items.map((i) => i.json.id)).not.toContain(id);
	});

	test('a name taken (or a built-in one) is 400 invalid_param; bad input is refused before any request', async () => {
		expect(
			(await run({ operation: 'create', name: 'author', type: 'string' })).error?.message,
		).toBe('Metadata name already exists.');
		expect(
			(await run({ operation: 'create', name: 'uploader', type: 'string' })).error?.message,
		).toBe('Metadata name already exists in Built-in fields.');
		ctx.sim.reset();
		for (const [parameters, message] of [
			[
				{ operation: 'create', name: 'x'.repeat(256), type: 'string' },
				'Name: must be at most 255 characters, got 256',
			],
			[
				{ operation: 'create', name: 'n', type: 'date' },
				'Type: must be one of string, number, time, got "date"',
			],
			[
				{ operation: 'rename', metadataId: 'meta', name: 'n' },
				expect.stringMatching(/^Metadata Field ID: must be a UUID/),
			],
		] as const) {
			expect((await run(parameters as never)).error?.message).toEqual(message);
		}
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Get Built-In Fields lists them; Set Built-In Fields turns them off and on (POST …/built-in/disable|enable)', async () => {
		const fields = await run({ operation: 'getBuiltIn' });
		expect(fields.items.map((i) => i.json.name)).toEqual([
			'document_name',
			'uploader',
			'upload_date',
			'last_update_date',
			'source',
		]);
		const off = await run({ operation: 'setBuiltIn', enabled: false });
		expect(ctx.sim.calls('POST', `${base}/built-in/disable`)).toHaveLength(1);
		expect(json(off)).toEqual({ result: 'success', built_in_field_enabled: false });
		const kb = await run({ resource: 'knowledgeBase', operation: 'get' });
		expect(json(kb).built_in_field_enabled).toBe(false);
		await run({ operation: 'setBuiltIn', enabled: true });
		expect(ctx.sim.calls('POST', `${base}/built-in/enable`)).toHaveLength(1);
	});
});
