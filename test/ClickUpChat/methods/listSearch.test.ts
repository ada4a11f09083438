import { specs } from '../../engine/nodes';
import { runListSearch } from '../../engine/listSearch';
import { allText, useSimulator } from '../../helpers';
import { clickup, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));

function search(
	method: string,
	options: { filter?: string; paginationToken?: string; workspace?: unknown } = {},
) {
	return runListSearch({
		node: specs.clickUpChat.node(),
		credentialTypes: specs.clickUpChat.credentialTypes,
		credentials: specs.clickUpChat.credentials(ctx.sim),
		parameters: {
			authentication: 'accessToken',
			resource: 'message',
			operation: 'send',
			workspaceId:
				'workspace' in options ? options.workspace : { __rl: true, mode: 'list', value: WS },
			channelId: { __rl: true, mode: 'list', value: '' },
		} as never,
		method,
		path: method === 'getChannels' ? 'parameters.channelId' : 'parameters.workspaceId',
		filter: options.filter,
		paginationToken: options.paginationToken,
	});
}

describe('ClickUp Chat: the pickers', () => {
	test("the Channel picker lists the picked Workspace's channels and DMs by name", async () => {
		const dm = clickup.addChannel(ctx.sim.state, WS, { type: 'DM', members: ['42', '183'] });
		const result = await search('getChannels');
		expect(result).toEqual({
			results: [
				{ name: '#general', value: '8cdu0general0001' },
				{ name: '#engineering', value: '8cdu0engineering' },
				{ name: '#leadership', value: '8cdu0leadership1' },
				{ name: `DM ${dm.id}`, value: dm.id },
			],
			paginationToken: undefined,
		});
		const sent = ctx.sim.calls('GET');
		expect(sent).toHaveLength(1);
		expect(sent[0].path).toBe(`/api/v3/workspaces/${WS}/chat/channels`);
		expect(Object.fromEntries(new URLSearchParams(sent[0].rawQuery))).toEqual({
			limit: '100',
		});
		expect(allText(result)).not.toContain(clickup.TOKEN);
	});

	test('the Channel picker pages with the page token and filters by name or ID', async () => {
		for (let n = 0; n < 150; n++)
			clickup.addChannel(ctx.sim.state, WS, { name: `room-${n}`, type: 'CHANNEL' });
		const first = await search('getChannels');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe(clickup.encodeCursor(100));
		const second = await search('getChannels', { paginationToken: first.paginationToken });
		expect(second.results).toHaveLength(53);
		expect(second.paginationToken).toBeUndefined();
		expect(second.results.at(-1)).toEqual({
			name: '#room-149',
			value: [...ctx.sim.state.channels.keys()].at(-1),
		});

		ctx.sim.reset();
		// the only match is on the second page: the search reads on until it finds it
		const found = await search('getChannels', { filter: 'ROOM-149' });
		expect(found.results.map((r) => r.name)).toEqual(['#room-149']);
		expect(ctx.sim.calls('GET')).toHaveLength(2);
		const byId = await search('getChannels', { filter: 'leadership1' });
		expect(byId.results).toEqual([{ name: '#leadership', value: '8cdu0leadership1' }]);
	});

	test('a repeating cursor ends the list instead of offering it again', async () => {
		for (let n = 0; n < 120; n++)
			clickup.addChannel(ctx.sim.state, WS, { name: `room-${n}`, type: 'CHANNEL' });
		ctx.sim.state.repeatCursor = true;
		const first = await search('getChannels');
		const second = await search('getChannels', { paginationToken: first.paginationToken });
		expect(second.paginationToken).toBeUndefined();
		const none = await search('getChannels', { filter: 'no such room' });
		expect(none).toEqual({ results: [], paginationToken: undefined });
		// the first page, then its repeated cursor once: no loop
		expect(ctx.sim.calls('GET')).toHaveLength(4);
	});

	test('without a Workspace the Channel picker says what to pick first, before any request', async () => {
		await expect(
			search('getChannels', { workspace: { __rl: true, mode: 'list', value: '' } }),
		).rejects.toThrow('Workspace: pick a Workspace first; the channel list belongs to it');
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('a Workspace that is not a number is refused as the operations refuse it, before any request', async () => {
		await expect(
			search('getChannels', { workspace: { __rl: true, mode: 'id', value: 'acme' } }),
		).rejects.toThrow('Workspace: must be a whole number, got "acme"');
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('the Workspace picker lists workspaces, filtered', async () => {
		const all = await search('getWorkspaces');
		expect(all.results.map((r) => r.value)).toEqual(['9012345678', '9087654321']);
		const filtered = await search('getWorkspaces', { filter: 'side' });
		expect(filtered.results).toEqual([
			{
				name: 'Side Project',
				value: '9087654321',
				url: 'https://app.clickup.com/9087654321/home',
			},
		]);
	});
});
