import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, SIDE_WS, WS } from '../kit';

const ctx = useSimulator('clickup');
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'channel',
	operation: 'createDirectMessage',
	workspaceId: byId(WS),
});
const DM_PATH = `/api/v3/workspaces/${WS}/chat/channels/direct_message`;

describe('ClickUp Chat: Channel > Create Direct Message', () => {
	test('creates a new DM (201) and returns the existing one on the second call (200)', async () => {
		const first = await run({ userIds: '183, 4560123' });
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(1);
		expect(first.items[0].json.created).toBe(true);
		// one flat item: the channel's own fields as ClickUp sent them, plus `created`
		const data = first.items[0].json;
		expect(data.type).toBe('GROUP_DM');
		expect(data.workspace_id).toBe(WS);
		expect(data).toEqual({ ...ctx.sim.state.channels.get(data.id), created: true });
		expect(data).not.toHaveProperty('data');

		const sent = ctx.sim.calls('POST', DM_PATH);
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toEqual({ user_ids: ['183', '4560123'] });
		expect(sent[0].headers.authorization).toBe(clickup.TOKEN);
		expect(sent[0].headers['content-type']).toContain('application/json');

		const second = await run({ userIds: '4560123,183' });
		expect(second.items[0].json.created).toBe(false);
		expect(second.items[0].json).toEqual({ ...data, created: false });
	});

	test('empty user list creates the Self DM with an empty user_ids array', async () => {
		const result = await run({ userIds: '' });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', DM_PATH)[0].body).toEqual({ user_ids: [] });
		expect(result.items[0].json.type).toBe('DM');
	});

	test('accepts an expression returning an array, and picks the workspace from the list mode', async () => {
		const result = await run(
			{
				workspaceId: {
					__rl: true,
					mode: 'list',
					value: SIDE_WS,
					cachedResultName: 'Side Project',
				},
				userIds: '={{ $json.ids }}',
			},
			{ items: [{ ids: [7, '8'] }] },
		);
		expect(result.error).toBeUndefined();
		const sent = ctx.sim.calls('POST', `/api/v3/workspaces/${SIDE_WS}/`);
		expect(sent[0].body).toEqual({ user_ids: ['7', '8'] });
	});

	test('15 IDs are accepted', async () => {
		const ids = Array.from({ length: 15 }, (_, i) => String(1000 + i));
		const result = await run({ userIds: ids.join(',') });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', DM_PATH)[0].body.user_ids).toHaveLength(15);
	});

	test.each([
		[
			'16 IDs',
			{ userIds: Array.from({ length: 16 }, (_, i) => String(i + 1)).join(',') },
			/User IDs: allows at most 15 entries, got 16/,
		],
		['duplicate IDs', { userIds: '5, 6, 5' }, /User IDs: contains "5" more than once/],
		[
			'a non-numeric workspace from an expression',
			{ workspaceId: byId('={{ "acme" }}') },
			/Workspace: must be a whole number, got "acme"/,
		],
		[
			'an empty workspace from an expression',
			{ workspaceId: { __rl: true, mode: 'list', value: '={{ "" }}' } },
			/Workspace: must be a whole number/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test.each([
		['a typed non-numeric workspace', { workspaceId: byId('acme') }, /A Workspace ID is a number/],
		[
			'no workspace picked',
			{ workspaceId: { __rl: true, mode: 'list', value: '' } },
			/Parameter "Workspace" is required/,
		],
	])(
		"%s is caught by n8n's own parameter check before the node runs",
		async (_label, parameters, message) => {
			const result = await run(parameters);
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(message);
			expect(ctx.sim.requests).toHaveLength(0);
		},
	);

	test('bad input on the second item stops the run before the first item is sent', async () => {
		const result = await run(
			{ userIds: '={{ $json.ids }}' },
			{ items: [{ ids: '1' }, { ids: '2,2' }] },
		);
		expect(result.error?.message).toMatch(/contains "2" more than once/);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("404 for an unknown workspace carries ClickUp's message", async () => {
		const result = await run({ workspaceId: byId('123') });
		expect(result.error?.message).toBe('Workspace 123 not found');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toMatch(/ClickUp trace ID: \d+/);
	});
});
