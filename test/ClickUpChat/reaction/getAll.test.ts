import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, describePaging, GENERAL, matchesResponse, sentQuery, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
let message: IDataObject;
beforeEach(() => {
	message = clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: 'Vote here' });
});
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'reaction',
	operation: 'getAll',
	workspaceId: byId(WS),
	messageId: '={{ $json.message }}',
});
const items = () => [{ message: message.id }];

describe('ClickUp Chat: Reaction > Get Many', () => {
	test('lists the reactions a workflow added, one item each, as ClickUp sent them', async () => {
		const added = [];
		for (const reaction of ['thumbsup', 'rocket'])
			added.push((await run({ operation: 'add', reaction }, { items: items() })).items[0].json);
		ctx.sim.reset();
		const result = await run({}, { items: items() });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual(added);
		const sent = ctx.sim.calls('GET');
		expect(sent.map((r) => r.path)).toEqual([
			`/api/v3/workspaces/${WS}/chat/messages/${String(message.id)}/reactions`,
		]);
		expect(sentQuery(sent[0])).toEqual({ limit: '50' });
		const answer = { next_cursor: '', data: result.items.map((i) => i.json) };
		expect(matchesResponse('getChatMessageReactions', answer)).toBe(true);
	});

	test('a message without reactions gives no items', async () => {
		const result = await run({}, { items: items() });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	describe('paging', () => {
		const paged = (parameters: Record<string, unknown> = {}) => run(parameters, { items: items() });
		describePaging(
			ctx,
			paged,
			`/api/v3/workspaces/${WS}/chat/messages/`,
			(count) => {
				const reactions = Array.from({ length: count }, (_, n) => ({
					date: 1767600000000 + n,
					reaction: 'thumbsup',
					user_id: String(4000 + n),
				}));
				ctx.sim.state.reactions.set(message.id, reactions);
				return reactions.map((r) => r.user_id);
			},
			(json) => String(json.user_id),
		);
	});

	test("an unknown message gives ClickUp's 404; under Continue On Fail an error item", async () => {
		const result = await run({ messageId: '80nope' }, { continueOnFail: true });
		expect(result.items.map((i) => i.json)).toEqual([
			expect.objectContaining({ error: 'Message 80nope not found', httpCode: '404' }),
		]);
	});

	test.each([
		['a Limit of 0', { limit: 0 }, /^Limit: must be at least 1, got 0/],
		[
			'a message ID with a backslash',
			{ messageId: '={{ "a\\\\b" }}' },
			/^Message ID: "a\\\\b" is not an ID/,
		],
	])('%s is rejected before any request', async (_label, parameters, pattern) => {
		const result = await run(parameters, { items: items() });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(pattern);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
