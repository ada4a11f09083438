import { useSimulator } from '../../helpers';
import {
	GENERAL,
	WS,
	automate,
	chatTrigger,
	clickup,
	matchesResponse,
	resetAutomations,
	sentQuery,
} from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => resetAutomations(ctx.sim));

const MESSAGES = `/api/v3/workspaces/${WS}/chat/channels/${GENERAL}/messages`;
const repliesOf = (id: string) => `/api/v3/workspaces/${WS}/chat/messages/${id}/replies`;

async function post(url: string, body: unknown = {}) {
	return await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			[clickup.TRIGGER_HEADER]: clickup.TRIGGER_SECRET,
		},
		body: JSON.stringify(body),
	});
}

describe('ClickUp Chat Trigger: the message, read back through the Chat API', () => {
	test('a top-level message: its documented fields, where it is, and its own thread', async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			automate(ctx.sim, server);
			const message = clickup.postAs(ctx.sim.state, WS, GENERAL, {
				content: 'Is the **build** green?',
				user_id: '184',
			});
			const [hit] = await server.waitForHits(1);
			const json = hit.items![0].json;
			// the trigger's own answer (n8n 2.41 sends the text "firstEntryJson" for a
			// webhookResponse given along with workflowData)
			expect(JSON.parse(hit.responseBody)).toEqual({
				received: true,
				started: true,
				id: message.id,
			});
			expect(json).toMatchObject({
				id: message.id,
				content: 'Is the **build** green?',
				user_id: '184',
				date: message.date,
				parent_channel: GENERAL,
				type: 'message',
				workspace_id: WS,
				is_reply: false,
				thread_id: message.id,
			});
			expect(json.parent_message).toBeUndefined();
			// the record is ClickUp's own (getChatMessages' item), plus the three fields above
			const { workspace_id, is_reply, thread_id, ...record } = json;
			expect([workspace_id, is_reply, thread_id]).toHaveLength(3);
			expect(matchesResponse('getChatMessages', { next_cursor: '', data: [record] })).toBe(true);
			expect(ctx.sim.calls('GET', MESSAGES).map(sentQuery)).toEqual([{ limit: '50' }]);
		} finally {
			await server.stop();
		}
	});

	test('a reply: parent_message, is_reply and thread_id name the thread it was posted in', async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			const parent = clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: 'Release today?' });
			automate(ctx.sim, server);
			const reply = clickup.postAs(ctx.sim.state, WS, GENERAL, {
				content: 'Only after QA',
				parent_message: parent.id,
			});
			const [hit] = await server.waitForHits(1);
			expect(hit.items![0].json).toMatchObject({
				id: reply.id,
				content: 'Only after QA',
				user_id: '183',
				parent_message: parent.id,
				parent_channel: GENERAL,
				is_reply: true,
				thread_id: parent.id,
			});
			// the simulator's body names the parent, so its thread is read first
			expect(ctx.sim.calls('GET', repliesOf(parent.id))).toHaveLength(1);
			expect(ctx.sim.calls('GET', MESSAGES)).toHaveLength(0);
		} finally {
			await server.stop();
		}
	});

	test('a reply whose call names no parent is found in the threads of the newest messages', async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			const parent = clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: 'Lunch?' });
			clickup.addMessage(ctx.sim.state, WS, GENERAL, { content: 'newer, no thread' });
			const reply = clickup.addMessage(ctx.sim.state, WS, GENERAL, {
				content: 'Pizza',
				user_id: '183',
				parent_message: parent.id,
			});
			const response = await post(`${server.url}?channel_id=${GENERAL}&comment_id=${reply.id}`);
			expect(response.status).toBe(200);
			const [hit] = await server.waitForHits(1);
			expect(hit.items![0].json).toMatchObject({ id: reply.id, thread_id: parent.id });
			expect(ctx.sim.calls('GET', MESSAGES)).toHaveLength(1);
			expect(ctx.sim.calls('GET', repliesOf(parent.id))).toHaveLength(1);
		} finally {
			await server.stop();
		}
	});

	test('without URL fields, the IDs come from the body (ClickUp does not document it)', async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			automate(ctx.sim, server, { url: server.url });
			const message = clickup.postAs(ctx.sim.state, WS, GENERAL, { content: 'From the body' });
			const [hit] = await server.waitForHits(1);
			expect(hit.items![0].json).toMatchObject({ id: message.id, content: 'From the body' });
			const [call] = await clickup.automationsSettled(ctx.sim.state);
			expect(call.url).toBe(server.url);
			expect(JSON.parse(call.body).payload.id).toBe(message.id);
		} finally {
			await server.stop();
		}
	});

	test('URL fields under other names, set in Options, and Content Format → Plain Text', async () => {
		const server = await chatTrigger(ctx.sim, {
			options: { channelIdField: 'room', commentIdField: 'msg', contentFormat: 'text/plain' },
		});
		try {
			automate(ctx.sim, server, { url: `${server.url}?room={{Channel ID}}&msg={{Comment ID}}` });
			const message = clickup.postAs(ctx.sim.state, WS, GENERAL, { content: 'Is it **done**?' });
			const [hit] = await server.waitForHits(1);
			expect(hit.items![0].json).toMatchObject({ id: message.id, content: 'Is it done?' });
			expect(ctx.sim.calls('GET', MESSAGES).map(sentQuery)).toEqual([
				{ content_format: 'text/plain', limit: '50' },
			]);
		} finally {
			await server.stop();
		}
	});

	test('a message the API cannot find starts nothing; the call fails (500)', async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			const response = await post(`${server.url}?channel_id=${GENERAL}&comment_id=80nosuchmsg`);
			expect(response.status).toBe(500);
			const [hit] = await server.waitForHits(1);
			expect(hit.run).toBeUndefined();
			expect(hit.error?.message).toBe(
				`Message 80nosuchmsg was not found in channel ${GENERAL} of Workspace ${WS}`,
			);
		} finally {
			await server.stop();
		}
	});

	test("ClickUp's error when reading (an unknown channel) fails the call with ClickUp's message", async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			const response = await post(`${server.url}?channel_id=8cdunosuchroom&comment_id=80abc`);
			expect(response.status).toBe(500);
			const [hit] = await server.waitForHits(1);
			expect(hit.run).toBeUndefined();
			expect(hit.error?.message).toMatch(/Channel 8cdunosuchroom not found/);
			expect(String(hit.error?.message)).not.toContain(clickup.TOKEN);
		} finally {
			await server.stop();
		}
	});

	test("the simulator's own routes (demo): an Automation over HTTP, a person's post, the calls", async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			const json = { 'content-type': 'application/json' };
			const registered = await fetch(`${ctx.sim.baseUrl}/sim/automations`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify({
					channelId: GENERAL,
					url: `${server.url}?channel_id={{Channel ID}}&comment_id={{Comment ID}}`,
					headers: { [clickup.TRIGGER_HEADER]: clickup.TRIGGER_SECRET },
				}),
			});
			expect(registered.status).toBe(201);
			const posted = await fetch(`${ctx.sim.baseUrl}/sim/channels/${GENERAL}/messages`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify({ content: 'What is n8n?' }),
			});
			expect(posted.status).toBe(201);
			const message = (await posted.json()) as { id: string; user_id: string };
			expect(message.user_id).toBe('183');
			const [hit] = await server.waitForHits(1);
			expect(hit.items![0].json).toMatchObject({ id: message.id, content: 'What is n8n?' });
			await clickup.automationsSettled(ctx.sim.state);
			const calls = (await (await fetch(`${ctx.sim.baseUrl}/sim/automation-calls`)).json()) as {
				calls: Array<{ messageId: string; status: number }>;
			};
			expect(calls.calls.map((c) => [c.messageId, c.status])).toEqual([[message.id, 200]]);
		} finally {
			await server.stop();
		}
	});
});
