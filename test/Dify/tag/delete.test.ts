/** Tag → Delete. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'tag' });

/** A new tag's ID. */
const newTag = async (name: string) => String(json(await run({ operation: 'create', name })).id);

describe('Dify: Tag → Delete', () => {
	test('DELETE /datasets/tags with the tag_id in the body; outputs what was deleted; deleting again is 404', async () => {
		const id = await newTag('Short-lived');
		const deleted = await run({ operation: 'delete', tagId: id });
		const [sent] = ctx.sim.calls('DELETE', '/datasets/tags');
		expect(sent.body).toEqual({ tag_id: id });
		expect(sent.headers['content-type']).toContain('application/json');
		expect(json(deleted)).toEqual({ deleted: true, id });
		const again = await run({ operation: 'delete', tagId: id }, { continueOnFail: true });
		expect(json(again)).toMatchObject({
			error: 'Tag not found',
			httpCode: '404',
			code: 'not_found',
		});
	});
});
