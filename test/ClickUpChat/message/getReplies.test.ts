import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, describePaging, GENERAL, matchesResponse, sentQuery, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
/** The thread the tests read: a message in #general, made fresh for each test. */
let parent: IDataObject;
beforeEach(() => {
	parent = clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: 'Thread start' });
});
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'message',
	operation: 'getReplies',
	workspaceId: byId(WS),
	messageId: '={{ $json.parent }}',
});
const pathOf = (id: unknown) => `/api/v3/workspaces/${WS}/chat/messages/${String(id)}/replies`;
const items = () => [{ parent: parent.id }];

/** `count` replies in the thread, oldest first. */
function seedReplies(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, n) =>
		clickup.addMessage(ctx.sim.state, WS, GENERAL, {
			content: `reply **${n}**`,
			parent_message: parent.id,
		}),
	);
}

describe('ClickUp Chat: Message > Get Replies', () => {
	test('reads the thread most recent first, one item per reply, as ClickUp sent them', async () => {
		const replies = seedReplies(3);
		const result = await run({}, { items: items() });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([...replies].reverse());
		const sent = ctx.sim.calls('GET');
		expect(sent.map((r) => r.path)).toEqual([pathOf(parent.id)]);
		expect(sentQuery(sent[0])).toEqual({ limit: '50' });
		const answer = { next_cursor: '', data: result.items.map((i) => i.json) };
		expect(matchesResponse('getChatMessageReplies', answer)).toBe(true);
	});

	test('the thread a workflow wrote: send, reply, read the replies back as plain text', async () => {
		const sent = await run({ operation: 'send', channelId: byId(GENERAL), content: 'Release?' });
		const reply = await run(
			{ operation: 'reply', messageId: '={{ $json.id }}', content: 'Ship **it**' },
			{ items: [sent.items[0].json] },
		);
		const result = await run(
			{ messageId: '={{ $json.id }}', additionalFields: { contentFormat: 'text/plain' } },
			{ items: [sent.items[0].json] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ ...reply.items[0].json, content: 'Ship it' },
		]);
		expect(sentQuery(ctx.sim.calls('GET').at(-1)!)).toEqual({
			content_format: 'text/plain',
			limit: '50',
		});
	});

	test('a message without replies gives no items', async () => {
		const result = await run({}, { items: items() });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	describe('paging', () => {
		const paged = (parameters: Record<string, unknown> = {}) =>
			run({ messageId: '={{ $json.parent }}', ...parameters }, { items: items() });
		describePaging(ctx, paged, `/api/v3/workspaces/${WS}/chat/messages/`, (count) =>
			seedReplies(count)
				.map((m) => String(m.id))
				.reverse(),
		);
	});

	test("an unknown message gives ClickUp's 404", async () => {
		const result = await run({ messageId: '80nope' });
		expect(result.error?.message).toBe('Message 80nope not found');
		expect(result.error?.httpCode).toBe('404');
	});

	test.each([
		['a Limit of 0', { limit: 0 }, /^Limit: must be at least 1, got 0/],
		['an empty message ID', { messageId: '={{ "" }}' }, /^Message ID: must not be empty/],
		[
			'a message ID with a slash',
			{ messageId: '={{ "a/b" }}' },
			/^Message ID: "a\/b" is not an ID/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters, { items: items() });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Continue On Fail: the replies of one thread, error items for the others', async () => {
		const [reply] = seedReplies(1);
		const result = await run(
			{},
			{
				continueOnFail: true,
				items: [{ parent: parent.id }, { parent: 'x/y' }, { parent: '80none' }],
			},
		);
		expect(result.items.map((i) => [i.pairedItem, i.json.id ?? i.json.error])).toEqual([
			[{ item: 0 }, reply.id],
			[{ item: 1 }, expect.stringMatching(/^Message ID: "x\/y" is not an ID/)],
			[{ item: 2 }, 'Message 80none not found'],
		]);
		expect(ctx.sim.calls('GET')).toHaveLength(2);
	});
});
