import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, GENERAL, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'channel',
	operation: 'delete',
	workspaceId: byId(WS),
});
const CHANNELS = `/api/v3/workspaces/${WS}/chat/channels`;

describe('ClickUp Chat: Channel > Delete', () => {
	test('deletes the channel and outputs deleted: true with its ID', async () => {
		clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: 'gone with it' });
		const result = await run({ channelId: byId(GENERAL) });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, id: GENERAL }]);
		const sent = ctx.sim.calls('DELETE');
		expect(sent.map((r) => [r.path, r.body])).toEqual([[`${CHANNELS}/${GENERAL}`, undefined]]);
		expect(ctx.sim.state.channels.has(GENERAL)).toBe(false);
		expect(ctx.sim.state.messages).toEqual([]);
	});

	test('a DM opened by a previous step can be deleted by its ID from an expression', async () => {
		const dm = await run({ operation: 'createDirectMessage', userIds: '183' });
		const id = dm.items[0].json.id as string;
		const result = await run({ channelId: byId('={{ $json.id }}') }, { items: [dm.items[0].json] });
		expect(result.items[0].json).toEqual({ deleted: true, id });
		// the DM is gone: opening it again makes a new one
		const again = await run({ operation: 'createDirectMessage', userIds: '183' });
		expect(again.items[0].json.created).toBe(true);
	});

	test("a channel that is not there gives ClickUp's 404, and a delete is not retried", async () => {
		const result = await run({ channelId: byId('nope') });
		expect(result.error?.message).toBe('Channel nope not found');
		expect(result.error?.httpCode).toBe('404');
		ctx.sim.reset();
		ctx.sim.fault({ method: 'DELETE' }, { status: 502 });
		const flaky = await run({ channelId: byId(GENERAL) });
		expect(flaky.error?.httpCode).toBe('502');
		expect(ctx.sim.calls('DELETE')).toHaveLength(1);
	});

	test.each([
		['an empty channel ID', '={{ "" }}', /^Channel: must not be empty/],
		['a channel ID of two dots', '={{ ".." }}', /^Channel: "\.\." is not an ID/],
		['a channel ID with a backslash', '={{ "a\\\\b" }}', /^Channel: "a\\\\b" is not an ID/],
	])('%s is rejected before any request', async (_label, value, message) => {
		const result = await run({ channelId: byId(value) });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Continue On Fail: deleted, refused and not-found items, in input order', async () => {
		const result = await run(
			{ channelId: byId('={{ $json.id }}') },
			{
				continueOnFail: true,
				items: [{ id: GENERAL }, { id: '.' }, { id: GENERAL }],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ deleted: true, id: GENERAL });
		expect(result.items[1].json).toMatchObject({ code: 'invalid_parameter', field: 'Channel' });
		expect(result.items[2].json).toMatchObject({
			error: `Channel ${GENERAL} not found`,
			httpCode: '404',
		});
		expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
	});
});
