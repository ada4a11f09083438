import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, GENERAL, matchesResponse, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'channel',
	operation: 'update',
	workspaceId: byId(WS),
	channelId: byId(GENERAL),
});
const PATH = `/api/v3/workspaces/${WS}/chat/channels/${GENERAL}`;

describe('ClickUp Chat: Channel > Update', () => {
	test('sends only the fields to change, under their API names, and outputs the updated channel', async () => {
		const result = await run({
			updateFields: {
				name: 'all-hands',
				description: 'Plain words',
				contentFormat: 'text/plain',
				topic: '',
				visibility: 'PRIVATE',
			},
		});
		expect(result.error).toBeUndefined();
		const sent = ctx.sim.calls('PATCH');
		expect(sent.map((r) => r.path)).toEqual([PATH]);
		expect(sent[0].body).toEqual({
			name: 'all-hands',
			description: 'Plain words',
			content_format: 'text/plain',
			topic: '',
			visibility: 'PRIVATE',
		});
		const channel = result.items[0].json;
		expect(channel).toEqual(ctx.sim.state.channels.get(GENERAL));
		expect(channel).toMatchObject({
			id: GENERAL,
			name: 'all-hands',
			topic: '',
			visibility: 'PRIVATE',
		});
		expect(matchesResponse('updateChatChannel', { data: channel })).toBe(true);
	});

	test('moves the channel to a location: Location Type is Space unless picked', async () => {
		const toSpace = await run({ updateFields: { locationId: '90120000456' } });
		expect(toSpace.error).toBeUndefined();
		const toList = await run({
			updateFields: { locationId: '901400001234', locationType: 'list' },
		});
		expect(ctx.sim.calls('PATCH').map((r) => r.body)).toEqual([
			{ location: { id: '90120000456', type: 'space' } },
			{ location: { id: '901400001234', type: 'list' } },
		]);
		expect(toList.items[0].json.parent).toEqual({ id: '901400001234', type: 6 });
	});

	test('Extra Body Fields (JSON) are merged last and may be the only change', async () => {
		const result = await run({
			updateFields: { name: 'ignored' },
			additionalBodyFields: '{"name": "from-json", "archived": false}',
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('PATCH')[0].body).toEqual({ name: 'from-json', archived: false });
		const only = await run({ additionalBodyFields: { topic: 'Only JSON' } });
		expect(only.items[0].json.topic).toBe('Only JSON');
	});

	test.each([
		[
			'no field to change',
			{ updateFields: {} },
			/^Update Fields: add at least one field to change/,
		],
		[
			'a Content Format alone',
			{ updateFields: { contentFormat: 'text/plain' } },
			/^Update Fields: add at least one field to change/,
		],
		['an empty name', { updateFields: { name: ' ' } }, /^Name: must not be empty/],
		[
			'a Location Type without a Location ID',
			{ updateFields: { locationType: 'folder' } },
			/^Location ID: is needed to move the channel/,
		],
		[
			'Extra Body Fields that are not JSON',
			{ additionalBodyFields: '{name' },
			/^Extra Body Fields \(JSON\): is not valid JSON/,
		],
		[
			'a channel ID with a slash',
			{ channelId: byId('={{ "a/b" }}') },
			/^Channel: "a\/b" is not an ID/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run({ updateFields: { topic: 'x' }, ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown channel gives ClickUp's 404, an unknown location too", async () => {
		const missing = await run({ channelId: byId('nope'), updateFields: { name: 'x' } });
		expect(missing.error?.message).toBe('Channel nope not found');
		expect(missing.error?.httpCode).toBe('404');
		const nowhere = await run({ updateFields: { locationId: '1', locationType: 'list' } });
		expect(nowhere.error?.message).toBe('List 1 not found');
	});

	test("ClickUp's 400 for an update it refuses comes back with its message", async () => {
		const result = await run({ additionalBodyFields: { archived: true } });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe(`Invalid update request for ${GENERAL}`);
		expect(ctx.sim.calls('PATCH')).toHaveLength(1);
	});

	test('Continue On Fail: each item its own outcome, the refused one never sent', async () => {
		const result = await run(
			{ channelId: byId('={{ $json.id }}'), updateFields: { topic: '={{ $json.topic }}' } },
			{
				continueOnFail: true,
				items: [
					{ id: GENERAL, topic: 'One' },
					{ id: 'x/y', topic: 'Two' },
					{ id: 'missing', topic: 'Three' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		expect(result.items[0].json).toMatchObject({ id: GENERAL, topic: 'One' });
		expect(result.items[1].json).toMatchObject({ code: 'invalid_parameter', field: 'Channel' });
		expect(result.items[2].json).toMatchObject({
			error: 'Channel missing not found',
			httpCode: '404',
		});
		expect(ctx.sim.calls('PATCH').map((r) => r.path.split('/').pop())).toEqual([
			GENERAL,
			'missing',
		]);
	});
});
