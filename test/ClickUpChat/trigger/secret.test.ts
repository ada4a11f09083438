import { ClickUpChatApi } from '../../../credentials/ClickUpChatApi.credentials';
import { ClickUpChatTriggerApi } from '../../../credentials/ClickUpChatTriggerApi.credentials';
import { ClickUpChatTrigger } from '../../../nodes/ClickUpChat/ClickUpChatTrigger.node';
import { runWebhookMethod } from '../../engine/webhook';
import { allText, useSimulator } from '../../helpers';
import { GENERAL, WS, automate, byId, chatTrigger, clickup, resetAutomations } from '../kit';

const ctx = useSimulator('clickup');
beforeEach(() => resetAutomations(ctx.sim));

const SECRET = clickup.TRIGGER_SECRET;
const HEADER = clickup.TRIGGER_HEADER;

async function post(url: string, headers: Record<string, string>, body = '{}') {
	return await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});
}

/** A message in #general by someone else, and the trigger URL naming it. */
function posted(serverUrl: string) {
	const message = clickup.addMessage(ctx.sim.state, WS, GENERAL, {
		content: 'Is the build green?',
		user_id: '183',
	});
	return { message, url: `${serverUrl}?channel_id=${GENERAL}&comment_id=${message.id}` };
}

describe('ClickUp Chat Trigger: the secret header', () => {
	test('the Automation with the right header starts the workflow; the secret is in no output', async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			automate(ctx.sim, server);
			const message = clickup.postAs(ctx.sim.state, WS, GENERAL, { content: 'Hello bot' });
			const [hit] = await server.waitForHits(1);
			expect(hit.status).toBe(200);
			expect(hit.items).toHaveLength(1);
			expect(hit.items![0].json.id).toBe(message.id);
			const [call] = await clickup.automationsSettled(ctx.sim.state);
			expect(call.status).toBe(200);
			// the trigger's own answer (with n8n's default here, 2.41 answered "firstEntryJson")
			expect(JSON.parse(call.responseBody)).toEqual({
				received: true,
				started: true,
				id: message.id,
			});
			expect(allText(hit.run)).not.toContain(SECRET);
		} finally {
			await server.stop();
		}
	});

	test('a wrong or missing secret gets 401, reads nothing and starts nothing', async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			const { url } = posted(server.url);
			const wrong = await post(url, { [HEADER]: `${SECRET}x` });
			const missing = await post(url, {});
			const inQuery = await post(`${url}&secret=${SECRET}`, {});
			expect([wrong.status, missing.status, inQuery.status]).toEqual([401, 401, 401]);
			expect(await wrong.json()).toEqual({ error: 'Unauthorized' });
			const hits = await server.waitForHits(3);
			expect(hits.every((h) => h.run === undefined && h.result?.workflowData === undefined)).toBe(
				true,
			);
			// nothing was read from ClickUp for a refused call
			expect(ctx.sim.calls('GET')).toHaveLength(0);
		} finally {
			await server.stop();
		}
	});

	test("an Automation whose header is wrong is refused the same way (ClickUp's call gets 401)", async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			automate(ctx.sim, server, { headers: { [HEADER]: 'not-the-secret-at-all-0000' } });
			clickup.postAs(ctx.sim.state, WS, GENERAL, { content: 'Hello bot' });
			const [call] = await clickup.automationsSettled(ctx.sim.state);
			expect(call.status).toBe(401);
			const [hit] = await server.waitForHits(1);
			expect(hit.run).toBeUndefined();
		} finally {
			await server.stop();
		}
	});

	test("the credential's Header Name is matched in any case", async () => {
		const server = await chatTrigger(
			ctx.sim,
			{},
			{
				credentials: {
					clickUpChatTriggerApi: { headerName: 'X-My-Bot-Key', secret: SECRET },
					clickUpChatApi: { accessToken: clickup.TOKEN, baseUrl: ctx.sim.baseUrl },
				},
			},
		);
		try {
			const { url } = posted(server.url);
			expect((await post(url, { 'x-my-bot-key': SECRET })).status).toBe(200);
			expect((await post(url, { [HEADER]: SECRET })).status).toBe(401);
		} finally {
			await server.stop();
		}
	});

	test('a credential with a short secret refuses every call, even one carrying it', async () => {
		const server = await chatTrigger(
			ctx.sim,
			{},
			{
				credentials: {
					clickUpChatTriggerApi: { headerName: HEADER, secret: 'short' },
					clickUpChatApi: { accessToken: clickup.TOKEN, baseUrl: ctx.sim.baseUrl },
				},
			},
		);
		try {
			const { url } = posted(server.url);
			expect((await post(url, { [HEADER]: 'short' })).status).toBe(401);
			const [hit] = await server.waitForHits(1);
			expect(hit.run).toBeUndefined();
		} finally {
			await server.stop();
		}
	});

	test('a body over Max Body Size gets 413 and starts nothing', async () => {
		const server = await chatTrigger(ctx.sim, { options: { maxBodySizeKb: 1 } });
		try {
			const { url } = posted(server.url);
			const big = JSON.stringify({ padding: 'x'.repeat(2048) });
			const response = await post(url, { [HEADER]: SECRET }, big);
			expect(response.status).toBe(413);
			expect((await post(url, { [HEADER]: SECRET }, '{"small":true}')).status).toBe(200);
			const hits = await server.waitForHits(2);
			expect(hits[0].run).toBeUndefined();
			expect(hits[1].items).toHaveLength(1);
		} finally {
			await server.stop();
		}
	});

	test('a call naming no message gets 400 and starts nothing', async () => {
		const server = await chatTrigger(ctx.sim);
		try {
			const response = await post(server.url, { [HEADER]: SECRET }, '{"hello":"world"}');
			expect(response.status).toBe(400);
			expect(((await response.json()) as { message: string }).message).toMatch(
				/channel_id=…&comment_id=…/,
			);
			const [hit] = await server.waitForHits(1);
			expect(hit.run).toBeUndefined();
			expect(ctx.sim.calls('GET')).toHaveLength(0);
		} finally {
			await server.stop();
		}
	});
});

describe('ClickUp Chat Trigger: activation and "Listen for test event"', () => {
	const options = (secret: string) => ({
		node: new ClickUpChatTrigger(),
		parameters: { workspaceId: byId(WS), messageKind: 'all', options: {} },
		credentialTypes: [new ClickUpChatTriggerApi(), new ClickUpChatApi()],
		credentials: {
			clickUpChatTriggerApi: { headerName: HEADER, secret },
			clickUpChatApi: { accessToken: clickup.TOKEN, baseUrl: ctx.sim.baseUrl },
		},
	});

	test.each(['activate', 'manual'] as const)(
		'%s: a usable secret registers; a short one is refused with what to set',
		async (activation) => {
			for (const method of ['checkExists', 'create'] as const)
				await expect(runWebhookMethod({ ...options(SECRET), method, activation })).resolves.toBe(
					true,
				);
			await expect(
				runWebhookMethod({ ...options('too-short'), method: 'create', activation }),
			).rejects.toThrow(/at least 16 characters in its ClickUp Chat Trigger credential; it has 9/);
			await expect(
				runWebhookMethod({ ...options(SECRET), method: 'delete', activation }),
			).resolves.toBe(true);
		},
	);

	test('the test URL (manual mode) delivers the message as the production URL does', async () => {
		const server = await chatTrigger(ctx.sim, {}, { mode: 'manual' });
		try {
			automate(ctx.sim, server);
			const message = clickup.postAs(ctx.sim.state, WS, GENERAL, { content: 'Testing 1 2 3' });
			const [hit] = await server.waitForHits(1);
			expect(hit.run?.mode).toBe('manual');
			expect(hit.items![0].json).toMatchObject({ id: message.id, content: 'Testing 1 2 3' });
		} finally {
			await server.stop();
		}
	});
});
