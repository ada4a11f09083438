import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { GENERAL, WS, automate, byId, chatTrigger, clickup, resetAutomations } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => resetAutomations(ctx.sim));
const run = nodeRunner(ctx, specs.clickUpChat, { workspaceId: byId(WS) });

async function post(url: string) {
	return await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			[clickup.TRIGGER_HEADER]: clickup.TRIGGER_SECRET,
		},
		body: '{}',
	});
}

const started = (hits: Array<{ items?: unknown[] }>) => hits.filter((h) => h.items).length;

describe('ClickUp Chat Trigger: duplicate deliveries', () => {
	test('the same message delivered twice starts the workflow once (workflow static data)', async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			const message = clickup.addMessage(ctx.sim.state, WS, GENERAL, {
				content: 'once',
				user_id: '183',
			});
			const url = `${server.url}?channel_id=${GENERAL}&comment_id=${message.id}`;
			const first = await post(url);
			const second = await post(url);
			expect([first.status, second.status]).toEqual([200, 200]);
			expect(await second.json()).toEqual({
				received: true,
				started: false,
				reason: 'duplicate',
				id: message.id,
			});
			const hits = await server.waitForHits(2);
			expect(started(hits)).toBe(1);
			// the duplicate read nothing
			expect(ctx.sim.calls('GET', `/api/v3/workspaces/${WS}/chat/channels`)).toHaveLength(1);
			// another message still starts it
			const other = clickup.addMessage(ctx.sim.state, WS, GENERAL, {
				content: 'two',
				user_id: '183',
			});
			await post(`${server.url}?channel_id=${GENERAL}&comment_id=${other.id}`);
			expect(started(await server.waitForHits(3))).toBe(2);
		} finally {
			await server.stop();
		}
	});

	test('a delivery that failed (message not readable yet) is not remembered: a later one starts', async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			const message = clickup.addMessage(ctx.sim.state, WS, GENERAL, {
				content: 'x',
				user_id: '183',
			});
			const url = `${server.url}?channel_id=${GENERAL}&comment_id=${message.id}`;
			ctx.sim.fault(
				{ method: 'GET', path: `/api/v3/workspaces/${WS}/chat/channels` },
				{ status: 403 },
			);
			expect((await post(url)).status).toBe(500);
			expect((await post(url)).status).toBe(200);
			expect(started(await server.waitForHits(2))).toBe(1);
		} finally {
			await server.stop();
		}
	});
});

describe("ClickUp Chat Trigger: the loop guard (the credential's own messages)", () => {
	test("on by default: the workflow's own message through the API starts nothing", async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			automate(ctx.sim, server);
			const sent = await run({
				resource: 'message',
				operation: 'send',
				channelId: byId(GENERAL),
				content: 'I am the bot',
				type: 'message',
			});
			expect(sent.error).toBeUndefined();
			const [hit] = await server.waitForHits(1);
			expect(hit.status).toBe(200);
			expect(hit.run).toBeUndefined();
			expect(JSON.parse(hit.responseBody)).toEqual({
				received: true,
				started: false,
				reason: 'own message',
				id: sent.items[0].json.id,
			});
			// who "own" is, ClickUp says: GET /api/v2/user
			expect(ctx.sim.calls('GET', '/api/v2/user')).toHaveLength(1);
			// a person's message in the same channel still starts it
			clickup.postAs(ctx.sim.state, WS, GENERAL, { content: 'I am a person' });
			expect(started(await server.waitForHits(2))).toBe(1);
		} finally {
			await server.stop();
		}
	});

	test('Ignore Own Messages off: the own message starts the workflow, and no user is looked up', async () => {
		const server = await chatTrigger(ctx.sim, { options: { ignoreOwnMessages: false } });
		try {
			automate(ctx.sim, server);
			const sent = await run({
				resource: 'message',
				operation: 'send',
				channelId: byId(GENERAL),
				content: 'I am the bot',
				type: 'message',
			});
			const [hit] = await server.waitForHits(1);
			expect(hit.items![0].json).toMatchObject({
				id: sent.items[0].json.id,
				user_id: String(clickup.ME.id),
			});
			expect(ctx.sim.calls('GET', '/api/v2/user')).toHaveLength(0);
		} finally {
			await server.stop();
		}
	});
});

describe('ClickUp Chat Trigger: filters', () => {
	async function deliveries(parameters: Record<string, unknown>) {
		const server = await chatTrigger(ctx.sim, parameters);
		try {
			automate(ctx.sim, server);
			const top = clickup.postAs(ctx.sim.state, WS, GENERAL, { content: 'top', user_id: '183' });
			const reply = clickup.postAs(ctx.sim.state, WS, GENERAL, {
				content: 'reply',
				user_id: '184',
				parent_message: top.id,
			});
			const hits = await server.waitForHits(2);
			const ids = hits.flatMap((h) => (h.items ?? []).map((item) => item.json.id));
			const reasons = hits.map((h) => JSON.parse(h.responseBody).reason).filter(Boolean);
			return { ids, reasons, top: top.id, reply: reply.id };
		} finally {
			await server.stop();
		}
	}

	test('All Messages: the message and the reply', async () => {
		const { ids, top, reply } = await deliveries({ messageKind: 'all' });
		expect(ids.sort()).toEqual([top, reply].sort());
	});

	test('Only Replies: the reply alone', async () => {
		const { ids, reasons, reply } = await deliveries({ messageKind: 'replies' });
		expect(ids).toEqual([reply]);
		expect(reasons).toEqual(['filtered']);
	});

	test('Only Top-Level Messages: the message alone', async () => {
		const { ids, top } = await deliveries({ messageKind: 'topLevel' });
		expect(ids).toEqual([top]);
	});

	test('Only From User IDs: only those users', async () => {
		const { ids, reply } = await deliveries({ options: { userIds: ' 184 , 999' } });
		expect(ids).toEqual([reply]);
	});
});
