import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, matchesResponse, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'channel',
	operation: 'create',
	workspaceId: byId(WS),
});
const CHANNELS = `/api/v3/workspaces/${WS}/chat/channels`;
/** The simulator's Space 90120000456 ("Product") of WS. */
const SPACE = '90120000456';

describe('ClickUp Chat: Channel > Create', () => {
	test('creates a Workspace channel (201) with the optional fields, then returns it by name (200)', async () => {
		const first = await run({
			name: 'release-planning',
			additionalFields: {
				description: 'Plans for **v2**',
				topic: 'Ship dates',
				userIds: '183, 184',
				visibility: 'PRIVATE',
			},
		});
		expect(first.error).toBeUndefined();
		const sent = ctx.sim.calls('POST', CHANNELS);
		expect(sent.map((r) => r.path)).toEqual([CHANNELS]);
		expect(sent[0].body).toEqual({
			name: 'release-planning',
			description: 'Plans for **v2**',
			topic: 'Ship dates',
			user_ids: ['183', '184'],
			visibility: 'PRIVATE',
		});
		const channel = first.items[0].json;
		expect(channel).toEqual({ ...ctx.sim.state.channels.get(channel.id), created: true });
		expect(channel).toMatchObject({
			name: 'release-planning',
			type: 'CHANNEL',
			visibility: 'PRIVATE',
		});
		const { created: _created, ...data } = channel;
		expect(matchesResponse('createChatChannel', { data })).toBe(true);
		expect(ctx.sim.state.members.get(channel.id)).toEqual(['42', '183', '184']);

		const again = await run({ name: 'release-planning' });
		expect(again.items[0].json).toEqual({ ...channel, created: false });
		expect(ctx.sim.calls('POST', CHANNELS)[1].body).toEqual({ name: 'release-planning' });
	});

	test.each([
		['space', SPACE, 'Product', 4],
		['folder', '90130000789', 'Roadmap', 5],
		['list', '901400001234', 'Sprint 12', 6],
	])(
		'creates the channel of a %s, and returns it the second time',
		async (type, id, name, parentType) => {
			const first = await run({
				locationType: type,
				locationId: `={{ "${id}" }}`,
				additionalFields: { topic: 'Updates' },
			});
			expect(first.error).toBeUndefined();
			const sent = ctx.sim.calls('POST');
			expect(sent.map((r) => r.path)).toEqual([`${CHANNELS}/location`]);
			expect(sent[0].body).toEqual({ location: { id, type }, topic: 'Updates' });
			const channel = first.items[0].json;
			expect(channel).toMatchObject({
				name,
				created: true,
				is_canonical_channel: true,
				parent: { id, type: parentType },
				visibility: 'PUBLIC',
			});
			const { created: _created, ...data } = channel;
			expect(matchesResponse('createLocationChatChannel', { data })).toBe(true);

			const again = await run({ locationType: type, locationId: id });
			expect(again.items[0].json).toEqual({ ...channel, created: false });
		},
	);

	test('the Workspace channel is the default: Name is sent, a Location ID is not', async () => {
		const result = await run({ name: ' ops ', locationId: SPACE });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST').map((r) => [r.path, r.body])).toEqual([
			[CHANNELS, { name: 'ops' }],
		]);
	});

	test.each([
		['an empty name', { name: '={{ "" }}' }, /^Name: must not be empty/],
		[
			'an empty location ID',
			{ locationType: 'list', locationId: '={{ "" }}' },
			/^Location ID: must not be empty/,
		],
		[
			'101 user IDs',
			{
				name: 'big',
				additionalFields: { userIds: Array.from({ length: 101 }, (_, i) => String(i)) },
			},
			/^User IDs: allows at most 100 entries, got 101/,
		],
		[
			'a user ID twice',
			{ name: 'twice', additionalFields: { userIds: '183,183' } },
			/^User IDs: contains "183" more than once/,
		],
		[
			'a Workspace ID that is not a number',
			{ name: 'x', workspaceId: byId('={{ "acme" }}') },
			/^Workspace: must be a whole number/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown location gives ClickUp's 404", async () => {
		const result = await run({ locationType: 'folder', locationId: '999' });
		expect(result.error?.message).toBe('Folder 999 not found');
		expect(result.error?.httpCode).toBe('404');
	});

	test('a create is not retried after a 503 (it may have happened)', async () => {
		ctx.sim.fault({ method: 'POST', path: CHANNELS }, { status: 503, message: 'Unavailable' });
		const result = await run({ name: 'once' });
		expect(result.error?.httpCode).toBe('503');
		expect(ctx.sim.calls('POST')).toHaveLength(1);
	});

	test('Continue On Fail: a refused item and a 404 become error items, the others are created', async () => {
		const result = await run(
			{
				locationType: '={{ $json.type }}',
				locationId: '={{ $json.id }}',
				name: '={{ $json.name }}',
			},
			{
				continueOnFail: true,
				items: [
					{ type: 'none', name: 'first' },
					{ type: 'none', name: ' ' },
					{ type: 'space', id: '404404' },
					{ type: 'space', id: SPACE },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(result.items[0].json).toMatchObject({ name: 'first', created: true });
		expect(result.items[1].json).toMatchObject({
			error: 'Name: must not be empty',
			code: 'invalid_parameter',
			field: 'Name',
			retryable: false,
		});
		expect(result.items[2].json).toMatchObject({
			error: 'Space 404404 not found',
			httpCode: '404',
		});
		expect(result.items[3].json).toMatchObject({ name: 'Product', created: true });
		expect(ctx.sim.calls('POST')).toHaveLength(3);
	});
});
