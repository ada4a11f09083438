/** Tag → Rename. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'tag' });

/** A new tag's ID. */
const newTag = async (name: string) => String(json(await run({ operation: 'create', name })).id);

describe('Dify: Tag → Rename', () => {
	test('PATCH /datasets/tags with tag_id and the new name; outputs the tag', async () => {
		const id = await newTag('Temporary');
		const renamed = await run({ operation: 'rename', tagId: id, name: 'Permanent' });
		expect(ctx.sim.calls('PATCH', '/datasets/tags')[0].body).toEqual({
			tag_id: id,
			name: 'Permanent',
		});
		expect(json(renamed)).toMatchObject({ id, name: 'Permanent' });
	});

	test('an unknown tag is 404 "Tag not found"; an empty Tag ID or name is refused before any request', async () => {
		const missing = await run({ operation: 'rename', tagId: 'no-such-tag', name: 'x' });
		expect(missing.error?.message).toBe('Tag not found');
		expect(missing.error?.httpCode).toBe('404');
		ctx.sim.reset();
		expect((await run({ operation: 'rename', tagId: '  ', name: 'n' })).error?.message).toBe(
			'Tag ID: must not be empty',
		);
		expect((await run({ operation: 'rename', tagId: 't', name: ' ' })).error?.message).toBe(
			'Name: must not be empty',
		);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
