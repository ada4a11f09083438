import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, describePaging, GENERAL, matchesResponse, sentQuery, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
let message: IDataObject;
beforeEach(() => {
	message = clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: '@Ada @Grace look' });
});
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'message',
	operation: 'getTaggedUsers',
	workspaceId: byId(WS),
	messageId: '={{ $json.message }}',
});
const items = () => [{ message: message.id }];

describe('ClickUp Chat: Message > Get Tagged Users', () => {
	test('outputs one item per tagged user, as ClickUp sent them', async () => {
		clickup.tagUsers(ctx.sim.state, message.id, ['183', '184']);
		const result = await run({}, { items: items() });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				id: '183',
				email: 'ada@example.com',
				name: 'Ada Lovelace',
				username: 'Ada Lovelace',
				initials: 'AL',
			},
			{
				id: '184',
				email: 'grace@example.com',
				name: 'Grace Hopper',
				username: 'Grace Hopper',
				initials: 'GH',
			},
		]);
		const sent = ctx.sim.calls('GET');
		expect(sent.map((r) => r.path)).toEqual([
			`/api/v3/workspaces/${WS}/chat/messages/${String(message.id)}/tagged_users`,
		]);
		expect(sentQuery(sent[0])).toEqual({ limit: '50' });
		const answer = { next_cursor: '', data: result.items.map((i) => i.json) };
		expect(matchesResponse('getChatMessageTaggedUsers', answer)).toBe(true);
	});

	test('a message that tags nobody gives no items', async () => {
		const result = await run({}, { items: items() });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	describe('paging', () => {
		const paged = (parameters: Record<string, unknown> = {}) => run(parameters, { items: items() });
		describePaging(ctx, paged, `/api/v3/workspaces/${WS}/chat/messages/`, (count) => {
			const ids = Array.from({ length: count }, (_, n) => String(3000 + n));
			clickup.tagUsers(ctx.sim.state, message.id, ids);
			return ids;
		});
	});

	test("an unknown message gives ClickUp's 404; under Continue On Fail an error item", async () => {
		const result = await run({ messageId: '80nope' }, { continueOnFail: true });
		expect(result.items.map((i) => i.json)).toEqual([
			expect.objectContaining({ error: 'Message 80nope not found', httpCode: '404' }),
		]);
	});

	test('a message ID of two dots is rejected before any request', async () => {
		const result = await run({ messageId: '={{ ".." }}' });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/^Message ID: "\.\." is not an ID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
