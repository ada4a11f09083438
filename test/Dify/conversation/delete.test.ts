/** Conversation → Delete. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { ids, resources } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'conversation',
	operation: 'delete',
	user: 'user-42',
});

describe('Dify: Conversation → Delete', () => {
	test('DELETE /conversations/{id} with the user in a JSON body; outputs what was deleted; it is gone afterwards', async () => {
		const [keep, gone] = resources.seedConversations(ctx.sim.state, 'delete-user', 2);
		const result = await run({
			conversationId: gone,
			user: 'delete-user',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, conversation_id: gone }]);
		const [sent] = ctx.sim.calls('DELETE');
		expect(sent.path).toBe(`/conversations/${gone}`);
		expect(sent.body).toEqual({ user: 'delete-user' });
		expect(sent.headers['content-type']).toContain('application/json');
		const after = await run({ operation: 'getAll', user: 'delete-user' });
		expect(ids(after)).toEqual([keep]);
	});

	test('deleting it again is 404, and a delete is not retried after a 500', async () => {
		const [id] = resources.seedConversations(ctx.sim.state, 'delete-twice', 1);
		await run({
			conversationId: id,
			user: 'delete-twice',
		});
		const again = await run({
			conversationId: id,
			user: 'delete-twice',
		});
		expect(again.error?.httpCode).toBe('404');
		ctx.sim.reset();
		ctx.sim.fault({ method: 'DELETE' }, { status: 500 });
		const failed = await run({
			conversationId: id,
			user: 'delete-twice',
		});
		expect(failed.error?.httpCode).toBe('500');
		expect(ctx.sim.calls('DELETE')).toHaveLength(1);
	});

	test('a bad Conversation ID is refused before any request', async () => {
		const result = await run({
			conversationId: '45701982',
			user: 'u',
		});
		expect(result.error?.message).toMatch(/^Conversation ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
