import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { byId, clickup, GENERAL, matchesResponse, WS } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => ctx.sim.reset({ resetState: true }));
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'message',
	operation: 'update',
	workspaceId: byId(WS),
});
const seed = (fields: IDataObject = {}): IDataObject =>
	clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: 'Helo', ...fields });
const pathOf = (id: unknown) => `/api/v3/workspaces/${WS}/chat/messages/${String(id)}`;

describe('ClickUp Chat: Message > Update', () => {
	test('changes the text and assignment, under their API names, and outputs the updated message', async () => {
		const message = seed();
		const result = await run({
			messageId: message.id,
			updateFields: {
				content: 'Hello',
				contentFormat: 'text/plain',
				assignee: '183',
				groupAssignee: 'g-7',
				resolved: true,
			},
		});
		expect(result.error).toBeUndefined();
		const sent = ctx.sim.calls('PATCH');
		expect(sent.map((r) => r.path)).toEqual([pathOf(message.id)]);
		expect(sent[0].body).toEqual({
			content: 'Hello',
			content_format: 'text/plain',
			assignee: '183',
			group_assignee: 'g-7',
			resolved: true,
		});
		const updated = result.items[0].json;
		expect(updated).toEqual(ctx.sim.state.messages[0]);
		expect(updated).toMatchObject({
			id: message.id,
			content: 'Hello',
			assignee: '183',
			assigned_by: '42',
			resolved: true,
			resolved_by: '42',
		});
		expect(typeof updated.date_updated).toBe('number');
		expect(matchesResponse('patchChatMessage', updated)).toBe(true);
	});

	test("a post's title and subtype go in post_data, each on its own", async () => {
		const post = seed({
			type: 'post',
			post_data: { title: 'v1', subtype: { id: 'sub-1' } },
		});
		await run({ messageId: post.id, updateFields: { postTitle: 'v1.1' } });
		const result = await run({ messageId: post.id, updateFields: { postSubtypeId: 'sub-2' } });
		expect(ctx.sim.calls('PATCH').map((r) => r.body)).toEqual([
			{ post_data: { title: 'v1.1' } },
			{ post_data: { subtype: { id: 'sub-2' } } },
		]);
		expect(result.items[0].json.post_data).toEqual({ title: 'v1.1', subtype: { id: 'sub-2' } });
	});

	test('a reply in a thread can be edited too; its answer has the documented shape', async () => {
		const parent = await run({ operation: 'send', channelId: byId(GENERAL), content: 'Question' });
		const reply = await run(
			{ operation: 'reply', messageId: '={{ $json.id }}', content: 'Answr' },
			{ items: [parent.items[0].json] },
		);
		const result = await run(
			{ messageId: '={{ $json.id }}', updateFields: { content: 'Answer' } },
			{ items: [reply.items[0].json] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			id: reply.items[0].json.id,
			parent_message: parent.items[0].json.id,
			content: 'Answer',
		});
		expect(matchesResponse('patchChatMessage', result.items[0].json)).toBe(true);
	});

	test('Extra Body Fields (JSON) are merged last and may be the only change', async () => {
		const message = seed();
		const result = await run({
			messageId: message.id,
			updateFields: { content: 'from fields' },
			additionalBodyFields: '{"content": "from JSON", "resolved": false}',
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('PATCH')[0].body).toEqual({ content: 'from JSON', resolved: false });
		await run({ messageId: message.id, additionalBodyFields: { resolved: true } });
		expect(ctx.sim.calls('PATCH')[1].body).toEqual({ resolved: true });
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
		['empty content', { updateFields: { content: '' } }, /^Content: must not be empty/],
		[
			'content over 40,000 characters',
			{ updateFields: { content: 'x'.repeat(40001) } },
			/^Content: must be at most 40000 characters, got 40001/,
		],
		[
			'a post title over 255 characters',
			{ updateFields: { postTitle: 't'.repeat(256) } },
			/^Post Title: must be at most 255 characters/,
		],
		[
			'a message ID with a slash',
			{ messageId: '={{ "80/1" }}' },
			/^Message ID: "80\/1" is not an ID/,
		],
		[
			'Extra Body Fields that are an array',
			{ additionalBodyFields: '[1]' },
			/^Extra Body Fields \(JSON\): must be a JSON object/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run({ messageId: '80abc', updateFields: { content: 'x' }, ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("ClickUp's 404 and 400 come back with their messages; an update is not retried", async () => {
		const missing = await run({ messageId: '80nope', updateFields: { content: 'x' } });
		expect(missing.error?.message).toBe('Message 80nope not found');
		expect(missing.error?.httpCode).toBe('404');
		// post fields on a regular message: ClickUp's "the request is invalid"
		const message = seed();
		const refused = await run({ messageId: message.id, updateFields: { postTitle: 'Title' } });
		expect(refused.error?.httpCode).toBe('400');
		expect(refused.error?.message).toBe(`Invalid update request for message ${message.id}`);
		ctx.sim.reset();
		ctx.sim.fault({ method: 'PATCH' }, { status: 500 });
		const failed = await run({ messageId: message.id, updateFields: { content: 'x' } });
		expect(failed.error?.httpCode).toBe('500');
		expect(ctx.sim.calls('PATCH')).toHaveLength(1);
	});

	test('Continue On Fail: each item its own outcome, the refused one never sent', async () => {
		const message = seed();
		const result = await run(
			{ messageId: '={{ $json.id }}', updateFields: { content: '={{ $json.text }}' } },
			{
				continueOnFail: true,
				items: [
					{ id: message.id, text: 'Fixed' },
					{ id: message.id, text: 'x'.repeat(40001) },
					{ id: '80missing', text: 'Lost' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: message.id, content: 'Fixed' });
		expect(result.items[1].json).toMatchObject({ code: 'invalid_parameter', field: 'Content' });
		expect(result.items[2].json).toMatchObject({
			error: 'Message 80missing not found',
			httpCode: '404',
		});
		expect(ctx.sim.calls('PATCH').map((r) => r.body.content)).toEqual(['Fixed', 'Lost']);
	});
});
