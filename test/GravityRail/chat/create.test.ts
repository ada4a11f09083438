import { nodeRunner, specs } from '../../engine/nodes';
import { allText, useSimulator } from '../../helpers';
import { CHATS, gr } from '../kit';

const ctx = useSimulator('gravityrail');
const run = nodeRunner(ctx, specs.gravityRail, { resource: 'chat' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const createCalls = () => ctx.sim.requests.filter((r) => r.method === 'POST' && r.path === CHATS);

describe('Gravity Rail: Chat → Create', () => {
	test('creates a web chat: the exact request, and the chat output as-is', async () => {
		const result = await run({ operation: 'create', channel: 'web-chat' });
		expect(result.error).toBeUndefined();
		const sent = createCalls();
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toEqual({ channel: 'web-chat' });
		expect(sent[0].headers.authorization).toBe(`Bearer ${gr.API_KEY}`);
		expect(sent[0].headers['content-type']).toContain('application/json');
		expect(sent[0].rejected).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			channel: 'web-chat',
			memberId: gr.ME.id,
			initialMessageError: null,
			chatType: 'simple',
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.hints).toEqual([]);
	});

	test.each([
		['web-chat', {}, 0],
		['phone-sms', { memberId: '202', phoneNumberId: '21' }, 0],
		['phone-voice', { memberId: '202', workflowId: '7' }, 1],
		['email', { memberId: '202', inboxId: '31' }, 0],
	])('channel %s is sent as given', async (channel, additionalFields, calls) => {
		const result = await run({ operation: 'create', channel, additionalFields });
		expect(result.error).toBeUndefined();
		expect(createCalls()[0].body).toEqual({ channel, ...additionalFields });
		expect(result.items[0].json.channel).toBe(channel);
		// only a voice chat with a workflow and the assistant on dials out
		expect(ctx.sim.state.outboundCalls).toHaveLength(calls);
	});

	test('a phone-voice chat with the assistant off places no call', async () => {
		const result = await run({
			operation: 'create',
			channel: 'phone-voice',
			additionalFields: { memberId: '202', workflowId: '7', assistantEnabled: false },
		});
		expect(result.error).toBeUndefined();
		expect(createCalls()[0].body).toEqual({
			channel: 'phone-voice',
			memberId: '202',
			workflowId: '7',
			assistantEnabled: false,
		});
		expect(ctx.sim.state.outboundCalls).toHaveLength(0);
	});

	test('every documented field is sent under its API name', async () => {
		const result = await run({
			operation: 'create',
			channel: 'phone-sms',
			additionalFields: {
				workflowId: '7',
				workflowVersionNumber: 2,
				memberId: ' 202 ',
				phoneNumberId: '21',
				participants: '900, 101',
				assistantEnabled: false,
				assistantMemberId: '900',
				assistantChatModelId: 'gpt-4o',
				assistantRealtimeModelId: 'gpt-4o-realtime',
				initialMessage: 'Hi Pat, this is the clinic.',
				title: 'Intake follow-up',
				siteId: '41',
				isTest: true,
				chatType: 'assignment',
			},
		});
		expect(result.error).toBeUndefined();
		expect(createCalls()[0].body).toEqual({
			channel: 'phone-sms',
			workflowId: '7',
			workflowVersionNumber: 2,
			memberId: '202',
			phoneNumberId: '21',
			participants: ['900', '101'],
			assistantEnabled: false,
			assistantMemberId: '900',
			assistantChatModelId: 'gpt-4o',
			assistantRealtimeModelId: 'gpt-4o-realtime',
			initialMessage: 'Hi Pat, this is the clinic.',
			title: 'Intake follow-up',
			siteId: '41',
			isTest: true,
			chatType: 'assignment',
		});
		expect(result.items[0].json).toMatchObject({
			workflowVersionNumber: 2,
			messageCount: 1,
			initialMessageError: null,
			isTest: true,
		});
		expect(result.hints).toEqual([]);
	});

	test('initialMessageError: the chat is still output, and the reason is shown as a warning hint', async () => {
		const result = await run({
			operation: 'create',
			channel: 'phone-sms',
			additionalFields: {
				memberId: '303',
				assistantEnabled: false,
				initialMessage: 'Your appointment is tomorrow',
			},
		});
		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const chat = result.items[0].json;
		expect(chat.initialMessageError).toBe('recipient_opted_out');
		expect(chat.id).toBeDefined();
		expect(result.hints).toHaveLength(1);
		expect(result.hints[0]).toMatchObject({ type: 'warning', location: 'outputPane' });
		expect(result.hints[0].message).toBe(
			`Item 0: the chat ${String(chat.id)} was created, but its initial message was not sent (recipient_opted_out). Reload the chat in Gravity Rail and send the message again.`,
		);
	});

	test('one hint per item whose initial message failed', async () => {
		const result = await run(
			{
				operation: 'create',
				channel: '={{ $json.channel }}',
				additionalFields: {
					memberId: '={{ $json.member }}',
					assistantEnabled: false,
					initialMessage: 'Hello',
				},
			},
			{
				items: [
					{ channel: 'phone-sms', member: '404' },
					{ channel: 'phone-sms', member: '202' },
					{ channel: 'email', member: '404' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.initialMessageError)).toEqual([
			'missing_phone',
			null,
			'missing_email',
		]);
		expect(result.hints.map((h) => h.message.slice(0, 7))).toEqual(['Item 0:', 'Item 2:']);
	});

	test.each([
		[
			'Phone Number ID with Inbox ID',
			{ additionalFields: { phoneNumberId: '21', inboxId: '31' } },
			/^Phone Number ID: cannot be combined with Inbox ID/,
		],
		[
			'a workflow version that is not a number',
			{ additionalFields: { workflowId: '7', workflowVersionNumber: '={{ "latest" }}' } },
			/^Workflow Version Number: must be a whole number, got "latest"/,
		],
		[
			'a workflow version below 1',
			{ additionalFields: { workflowId: '7', workflowVersionNumber: '={{ 0 }}' } },
			/^Workflow Version Number: must be at least 1, got 0/,
		],
		[
			'a participant listed twice',
			{ additionalFields: { participants: '900, 900' } },
			/^Participants: contains "900" more than once/,
		],
		[
			'Extra Body Fields that are not a JSON object',
			{ additionalBodyFields: '[1, 2]' },
			/^Extra Body Fields \(JSON\): must be a JSON object/,
		],
		[
			'an unknown channel from an expression',
			{ channel: '={{ "fax" }}' },
			/^Channel: must be one of web-chat, phone-sms, phone-voice, email, got "fax"/,
		],
	])('%s is rejected before sending', async (_label, parameters, message) => {
		const result = await run({ operation: 'create', channel: 'phone-sms', ...parameters });
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Extra Body Fields are merged last and win over the fields above', async () => {
		const result = await run({
			operation: 'create',
			channel: 'web-chat',
			additionalFields: { title: 'A', memberId: '202' },
			additionalBodyFields: '{"title": "B", "isTest": true}',
		});
		expect(result.error).toBeUndefined();
		expect(createCalls()[0].body).toEqual({
			channel: 'web-chat',
			memberId: '202',
			title: 'B',
			isTest: true,
		});
		expect(result.items[0].json).toMatchObject({ title: 'B', isTest: true, memberId: '202' });
	});

	test("404 for an unknown workflow carries Gravity Rail's message", async () => {
		const result = await run({
			operation: 'create',
			channel: 'web-chat',
			additionalFields: { workflowId: '99' },
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Workflow 99 not found');
		expect(result.error?.description).toMatch(/could not find/);
	});

	test("400 for an unpublished workflow version carries Gravity Rail's message", async () => {
		const result = await run({
			operation: 'create',
			channel: 'web-chat',
			additionalFields: { workflowId: '7', workflowVersionNumber: 9 },
		});
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe('Workflow 7 has no published version 9');
		expect(result.error?.description).toMatch(
			/rejected the request\. Check the node's parameters\./,
		);
	});

	test.each([
		[403, { detail: 'Missing scope chats:write' }, 'Missing scope chats:write', /not allowed/],
		[500, { detail: 'Database error' }, 'Database error', /internal problem/],
		[500, 'upstream exploded', 'upstream exploded', /internal problem/],
		[
			422,
			{
				detail: [
					{ loc: ['body', 'channel'], msg: 'Input should be web-chat', type: 'enum' },
					{ loc: ['body', 'title'], msg: 'too long', type: 'string' },
				],
			},
			'body.channel: Input should be web-chat',
			/body\.title: too long/,
		],
	])("%s is mapped with the server's message", async (status, body, message, description) => {
		ctx.sim.fault({ method: 'POST', path: CHATS }, { status, body });
		const result = await run({ operation: 'create', channel: 'web-chat' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe(String(status));
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toMatch(description);
	});

	test('429 is backed off and retried', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: CHATS },
			{ status: 429, retryAfter: 1, body: { detail: 'Too many requests' } },
		);
		const result = await run({ operation: 'create', channel: 'web-chat' });
		expect(result.error).toBeUndefined();
		const calls = createCalls();
		expect(calls).toHaveLength(2);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
		expect(ctx.sim.state.chats).toHaveLength(1);
	});

	test('429 with no Retry-After at all is backed off with the fallback wait', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: CHATS },
			{ status: 429, headers: { 'Retry-After': '' }, body: { detail: 'Too many requests' } },
		);
		const result = await run({ operation: 'create', channel: 'web-chat' });
		expect(result.error).toBeUndefined();
		const calls = createCalls();
		expect(calls).toHaveLength(2);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
	});

	test('a provider that keeps answering 429 gives a clear error after bounded retries', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: CHATS, times: 10 },
			{ status: 429, headers: { 'Retry-After': '0' }, body: { detail: 'Too many requests' } },
		);
		const result = await run({ operation: 'create', channel: 'web-chat' });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.message).toBe('Too many requests');
		expect(createCalls()).toHaveLength(4);
	});

	test('401 with a wrong key: a readable error, and the key appears nowhere', async () => {
		const badKey = 'gr_live_WRONGKEYWRONGKEYWRONGKEY';
		const result = await run(
			{ operation: 'create', channel: 'web-chat' },
			{ credential: { apiKey: badKey } },
		);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('Invalid API key');
		expect(result.error?.description).toMatch(/credential/);
		expect(createCalls()[0].headers.authorization).toBe(`Bearer ${badKey}`);
		expect(allText(result.run)).not.toContain(badKey);
		expect(allText(result.error)).not.toContain(badKey);
	});
});

describe('Gravity Rail: Chat → Create, several items', () => {
	test('continueOnFail: failed items carry the error, others their chat, all paired', async () => {
		const result = await run(
			{
				operation: 'create',
				channel: 'web-chat',
				additionalFields: {
					workflowId: '={{ $json.wf }}',
					title: '={{ $json.title }}',
					inboxId: '={{ $json.inbox }}',
					phoneNumberId: '={{ $json.phone }}',
				},
			},
			{
				continueOnFail: true,
				items: [
					{ wf: '7', title: 'a' },
					{ wf: '7', title: 'b', inbox: '31', phone: '21' },
					{ wf: '99', title: 'c' },
					{ wf: '7', title: 'd' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.title).toBe('a');
		expect(result.items[1].json.error).toMatch(
			/^Phone Number ID: cannot be combined with Inbox ID/,
		);
		expect(result.items[2].json.error).toBe('Workflow 99 not found');
		expect(result.items[2].json.httpCode).toBe('404');
		expect(result.items[3].json.title).toBe('d');
		expect(createCalls().map((c) => c.body.title)).toEqual(['a', 'c', 'd']);
	});

	test('the API key never appears in output items, hints or run data', async () => {
		const result = await run({
			operation: 'create',
			channel: 'phone-sms',
			additionalFields: { memberId: '303', assistantEnabled: false, initialMessage: 'x' },
		});
		expect(result.hints).toHaveLength(1);
		expect(allText(result.items)).not.toContain(gr.API_KEY);
		expect(allText(result.hints)).not.toContain(gr.API_KEY);
		expect(allText(result.run)).not.toContain(gr.API_KEY);
	});
});
