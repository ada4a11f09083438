/** Conversation → Get Variables: paged by last_id, filtered by name. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { ids, queryOf, resources } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'conversation',
	operation: 'getVariables',
	user: 'user-42',
});

describe('Dify: Conversation → Get Variables', () => {
	test('GET /conversations/{id}/variables with user and limit; one item per variable', async () => {
		const result = await run({
			conversationId: resources.DOCS_CONVERSATION,
			user: 'abc-123',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				id: 'a1b2c3d4-5678-90ab-cdef-1234567890ab',
				name: 'user_preference',
				value_type: 'string',
				value: 'dark_mode',
				description: 'User preference setting',
				created_at: 1705407629,
				updated_at: 1705411229,
			},
		]);
		const [sent] = ctx.sim.calls('GET', `/conversations/${resources.DOCS_CONVERSATION}/variables`);
		expect(queryOf(sent as never)).toEqual([
			['user', 'abc-123'],
			['limit', '50'],
		]);
	});

	test('Return All: 3 pages by last_id; Limit: 2 requests; Variable Name is sent as variable_name', async () => {
		const { conversationId, variables } = resources.seedVariables(ctx.sim.state, 'pager-var', 250);
		const path = `/conversations/${conversationId}/variables`;
		const all = await run({
			conversationId,
			user: 'pager-var',
			returnAll: true,
		});
		expect(ids(all)).toEqual(variables.map((v) => v.id));
		expect(ctx.sim.calls('GET', path).map((r) => r.query.last_id)).toEqual([
			undefined,
			variables[99].id,
			variables[199].id,
		]);
		ctx.sim.reset();
		const limited = await run({
			conversationId,
			user: 'pager-var',
			limit: 120,
		});
		expect(ids(limited)).toEqual(variables.slice(0, 120).map((v) => v.id));
		expect(ctx.sim.calls('GET', path).map((r) => r.query.limit)).toEqual([100, 20]);
		ctx.sim.reset();
		const named = await run({
			conversationId,
			user: 'pager-var',
			filters: { variableName: 'variable_7' },
		});
		expect(named.items.map((i) => i.json.name)).toEqual(['variable_7']);
		expect(queryOf(ctx.sim.calls('GET', path)[0] as never)).toEqual([
			['user', 'pager-var'],
			['variable_name', 'variable_7'],
			['limit', '50'],
		]);
	});

	test('an unknown conversation is 404; a bad ID is refused before any request', async () => {
		const unknown = await run({
			conversationId: '00000000-0000-4000-8000-000000000000',
			user: 'u',
		});
		expect(unknown.error?.httpCode).toBe('404');
		ctx.sim.reset();
		const bad = await run({
			conversationId: 'x',
			user: 'u',
		});
		expect(bad.error?.message).toMatch(/^Conversation ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('the loop guard: Return All stops with an error when Dify repeats a page', async () => {
		const { conversationId } = resources.seedVariables(ctx.sim.state, 'loop-var', 3);
		resources.storeOf(ctx.sim.state).repeatCursor = true;
		try {
			const variables = await run({ conversationId, user: 'loop-var', returnAll: true });
			expect(variables.error?.message).toMatch(
				/^Paging through Dify stopped: the page cursor ".+" came back a second time/,
			);
			expect(ctx.sim.requests).toHaveLength(2);
		} finally {
			resources.storeOf(ctx.sim.state).repeatCursor = false;
		}
	});
});
