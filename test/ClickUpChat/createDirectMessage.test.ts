import { ClickUpChatApi } from '../../credentials/ClickUpChatApi.credentials';
import { ClickUpChatOAuth2Api } from '../../credentials/ClickUpChatOAuth2Api.credentials';
import { ClickUpChat } from '../../nodes/ClickUpChat/ClickUpChat.node';
import { runNode } from '../engine/harness';
import type { RunOptions } from '../engine/harness';
import { allText, providers, useSimulator } from '../helpers';

const clickup = providers.clickup;
const ctx = useSimulator('clickup');
const DM_PATH = '/api/v3/workspaces/9012345678/chat/channels/direct_message';

function run(parameters: Record<string, unknown>, extra: Partial<RunOptions> = {}) {
	return runNode({
		node: new ClickUpChat(),
		credentialTypes: [new ClickUpChatApi()],
		credentials: { clickUpChatApi: { accessToken: clickup.TOKEN, baseUrl: ctx.sim.baseUrl } },
		parameters: {
			resource: 'channel',
			operation: 'createDirectMessage',
			workspaceId: { __rl: true, mode: 'id', value: '9012345678' },
			...parameters,
		},
		...extra,
	});
}

describe('ClickUp Chat: Create Direct Message', () => {
	test('creates a new DM (201) and returns the existing one on the second call (200)', async () => {
		const first = await run({ userIds: '183, 4560123' });
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(1);
		expect(first.items[0].json.created).toBe(true);
		// one flat item: the channel's own fields as ClickUp sent them, plus `created`
		const data = first.items[0].json;
		expect(data.type).toBe('GROUP_DM');
		expect(data.workspace_id).toBe('9012345678');
		expect(data).toEqual({ ...ctx.sim.state.channels.get(data.id), created: true });
		expect(data).not.toHaveProperty('data');

		const sent = ctx.sim.calls('POST', DM_PATH);
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toEqual({ user_ids: ['183', '4560123'] });
		expect(sent[0].headers.authorization).toBe(clickup.TOKEN);
		expect(sent[0].headers['content-type']).toContain('application/json');

		const second = await run({ userIds: '4560123,183' });
		expect(second.items[0].json.created).toBe(false);
		expect(second.items[0].json).toEqual({ ...data, created: false });
	});

	test('empty user list creates the Self DM with an empty user_ids array', async () => {
		const result = await run({ userIds: '' });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', DM_PATH)[0].body).toEqual({ user_ids: [] });
		expect(result.items[0].json.type).toBe('DM');
	});

	test('accepts an expression returning an array, and picks the workspace from the list mode', async () => {
		const result = await run(
			{
				workspaceId: {
					__rl: true,
					mode: 'list',
					value: '9087654321',
					cachedResultName: 'Side Project',
				},
				userIds: '={{ $json.ids }}',
			},
			{ items: [{ ids: [7, '8'] }] },
		);
		expect(result.error).toBeUndefined();
		const sent = ctx.sim.calls('POST', '/api/v3/workspaces/9087654321/');
		expect(sent[0].body).toEqual({ user_ids: ['7', '8'] });
	});

	test('15 IDs are accepted', async () => {
		const ids = Array.from({ length: 15 }, (_, i) => String(1000 + i));
		const result = await run({ userIds: ids.join(',') });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', DM_PATH)[0].body.user_ids).toHaveLength(15);
	});

	test.each([
		[
			'16 IDs',
			{ userIds: Array.from({ length: 16 }, (_, i) => String(i + 1)).join(',') },
			/User IDs: allows at most 15 entries, got 16/,
		],
		['duplicate IDs', { userIds: '5, 6, 5' }, /User IDs: contains "5" more than once/],
		[
			'a non-numeric workspace from an expression',
			{ workspaceId: { __rl: true, mode: 'id', value: '={{ "acme" }}' } },
			/Workspace: must be a whole number, got "acme"/,
		],
		[
			'an empty workspace from an expression',
			{ workspaceId: { __rl: true, mode: 'list', value: '={{ "" }}' } },
			/Workspace: must be a whole number/,
		],
	])('%s is rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test.each([
		[
			'a typed non-numeric workspace',
			{ workspaceId: { __rl: true, mode: 'id', value: 'acme' } },
			/A Workspace ID is a number/,
		],
		[
			'no workspace picked',
			{ workspaceId: { __rl: true, mode: 'list', value: '' } },
			/Parameter "Workspace" is required/,
		],
	])(
		"%s is caught by n8n's own parameter check before the node runs",
		async (_label, parameters, message) => {
			const result = await run(parameters);
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(message);
			expect(ctx.sim.requests).toHaveLength(0);
		},
	);

	test('bad input on the second item stops the run before the first item is sent', async () => {
		const result = await run(
			{ userIds: '={{ $json.ids }}' },
			{ items: [{ ids: '1' }, { ids: '2,2' }] },
		);
		expect(result.error?.message).toMatch(/contains "2" more than once/);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("401 becomes a readable NodeApiError with ClickUp's message and no token anywhere", async () => {
		const badToken = 'pk_99_WRONGTOKENWRONGTOKENWRONG';
		const result = await runNode({
			node: new ClickUpChat(),
			credentialTypes: [new ClickUpChatApi()],
			credentials: { clickUpChatApi: { accessToken: badToken, baseUrl: ctx.sim.baseUrl } },
			parameters: {
				resource: 'channel',
				operation: 'createDirectMessage',
				workspaceId: { __rl: true, mode: 'id', value: '9012345678' },
				userIds: '1',
			},
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Token invalid');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toMatch(/credential/);
		expect(allText(result.run)).not.toContain(badToken);
		expect(allText(result.error)).not.toContain(badToken);
	});

	test("404 for an unknown workspace carries ClickUp's message", async () => {
		const result = await run({ workspaceId: { __rl: true, mode: 'id', value: '123' } });
		expect(result.error?.message).toBe('Workspace 123 not found');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toMatch(/ClickUp trace ID: \d+/);
	});

	test('429 with X-RateLimit-Reset is waited out and retried', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: DM_PATH },
			{ status: 429, retryAfter: 1, message: 'Rate limit reached' },
		);
		const result = await run({ userIds: '1' });
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('POST', DM_PATH);
		expect(calls).toHaveLength(2);
		// the reset header is whole epoch seconds: the retry must not come before it
		const resetAt = Number((calls[0] as any).fault ? Math.ceil(calls[0].at / 1000 + 1) * 1000 : 0);
		expect(calls[1].at).toBeGreaterThanOrEqual(resetAt - 5);
	});

	test('retries are bounded: a provider that keeps answering 429 gives a clear error', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: DM_PATH, times: 10 },
			{
				status: 429,
				headers: { 'X-RateLimit-Reset': '0', 'Retry-After': '0' },
				message: 'Rate limit reached',
			},
		);
		const result = await run({ userIds: '1' });
		expect(result.error?.message).toBe('Rate limit reached');
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toMatch(/Still rate limited after 4 attempt/);
		expect(ctx.sim.calls('POST', DM_PATH)).toHaveLength(4);
	});

	test('a wait longer than the budget fails at once instead of hanging', async () => {
		ctx.sim.fault({ method: 'POST', path: DM_PATH }, { status: 429, retryAfter: 3600 });
		const started = Date.now();
		const result = await run({ userIds: '1' });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toMatch(/asks to wait 36\d\d s more/);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(ctx.sim.calls('POST', DM_PATH)).toHaveLength(1);
	});

	test('cancelling the execution aborts the request in flight', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: DM_PATH },
			{ delayMs: 3000, status: 201, body: { data: {} } },
		);
		const started = Date.now();
		const result = await run(
			{ userIds: '1' },
			{
				onStarted: ({ cancel }) => {
					const poll = setInterval(() => {
						if (ctx.sim.calls('POST', DM_PATH).length > 0) {
							clearInterval(poll);
							cancel();
						}
					}, 10);
				},
			},
		);
		expect(result.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(2500);
		expect(result.items).toHaveLength(0);
	});

	test('a connection reset becomes a clear error', async () => {
		ctx.sim.fault({ method: 'POST', path: DM_PATH }, { reset: true });
		const result = await run({ userIds: '1' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/^Could not reach ClickUp: /);
		// a create is not retried after a reset (it may have been created): one request only
		expect(ctx.sim.calls('POST')).toHaveLength(1);
		expect(result.error?.context).toMatchObject({ code: 'ECONNRESET', retryable: true });
	});

	test('continueOnFail: failed items carry the error, others their data, all paired', async () => {
		const result = await run(
			{
				userIds: '={{ $json.ids }}',
				workspaceId: { __rl: true, mode: 'id', value: '={{ $json.ws }}' },
			},
			{
				continueOnFail: true,
				items: [
					{ ids: '701', ws: '9012345678' },
					{ ids: '702,702', ws: '9012345678' },
					{ ids: '703', ws: '555' },
					{ ids: '704', ws: '9012345678' },
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
		expect(result.items[0].json.created).toBe(true);
		expect(result.items[1].json.error).toMatch(/User IDs: contains "702" more than once/);
		expect(result.items[2].json.error).toBe('Workspace 555 not found');
		expect(result.items[2].json.httpCode).toBe('404');
		expect(result.items[3].json.created).toBe(true);
		// structured fields a workflow branches on
		expect(result.items[1].json).toMatchObject({
			code: 'invalid_parameter',
			field: 'User IDs',
			retryable: false,
		});
		expect(result.items[2].json).toMatchObject({ retryable: false });
		expect(result.items[2].json.requestId).toMatch(/^\d+$/);
		expect(result.items[2].json.code).toBeUndefined();
		expect(result.items[0].json).not.toHaveProperty('retryable');
		// the bad item never reached the simulator
		expect(ctx.sim.calls('POST').map((c) => c.body.user_ids)).toEqual([['701'], ['703'], ['704']]);
	});

	test('concurrency runs items in parallel and keeps output order', async () => {
		// the first item is slowest: with concurrency the others finish first, yet output order follows input
		ctx.sim.fault(
			{ method: 'POST', path: DM_PATH },
			{ delayMs: 400, status: 201, body: { data: { id: 'slow' } } },
		);
		const items = Array.from({ length: 6 }, (_, i) => ({ ids: String(500 + i) }));
		const started = Date.now();
		const result = await run(
			{ userIds: '={{ $json.ids }}', options: { concurrency: 3 } },
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(result.items[0].json).toEqual({ id: 'slow', created: true });
		expect(result.items.slice(1).map((i) => i.json.members)).toEqual(
			items.slice(1).map((i) => ['42', i.ids].sort()),
		);
		// items 1..5 ran while item 0 was still waiting: they were all received before item 0 was answered
		const calls = ctx.sim.calls('POST', DM_PATH);
		expect(calls.filter((c) => c.at < calls[0].at + 400).length).toBeGreaterThanOrEqual(3);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('the token never appears in output items or in the run data', async () => {
		const result = await run({ userIds: '1' });
		expect(allText(result.items)).not.toContain(clickup.TOKEN);
		expect(allText(result.run)).not.toContain(clickup.TOKEN);
	});
});

describe('ClickUp Chat with OAuth2', () => {
	test('sends the OAuth access token as a Bearer token and keeps it out of the output', async () => {
		const result = await runNode({
			node: new ClickUpChat(),
			credentialTypes: [new ClickUpChatApi(), new ClickUpChatOAuth2Api()],
			credentials: {
				clickUpChatOAuth2Api: {
					grantType: 'authorizationCode',
					clientId: 'sim-client',
					clientSecret: 'sim-client-secret-0001',
					oauthTokenData: { access_token: clickup.OAUTH_TOKEN, token_type: 'Bearer' },
					baseUrl: ctx.sim.baseUrl,
				},
			},
			parameters: {
				authentication: 'oAuth2',
				resource: 'channel',
				operation: 'createDirectMessage',
				workspaceId: { __rl: true, mode: 'id', value: '9012345678' },
				userIds: '9001',
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.created).toBe(true);
		const sent = ctx.sim.calls('POST', DM_PATH);
		expect(sent).toHaveLength(1);
		expect(sent[0].headers.authorization).toBe(`Bearer ${clickup.OAUTH_TOKEN}`);
		expect(allText(result.run)).not.toContain(clickup.OAUTH_TOKEN);
	});

	test("a revoked OAuth token gives ClickUp's 401 message without the token in it", async () => {
		const revoked = '42_revokedoauthtoken000000000000000000000009';
		const result = await runNode({
			node: new ClickUpChat(),
			credentialTypes: [new ClickUpChatApi(), new ClickUpChatOAuth2Api()],
			credentials: {
				clickUpChatOAuth2Api: {
					grantType: 'authorizationCode',
					clientId: 'c',
					clientSecret: 's-0001',
					oauthTokenData: { access_token: revoked, token_type: 'Bearer' },
					baseUrl: ctx.sim.baseUrl,
				},
			},
			parameters: {
				authentication: 'oAuth2',
				resource: 'channel',
				operation: 'createDirectMessage',
				workspaceId: { __rl: true, mode: 'id', value: '9012345678' },
				userIds: '1',
			},
		});
		expect(result.error?.message).toBe('Oauth token not found');
		expect(result.error?.httpCode).toBe('401');
		expect(allText(result.run)).not.toContain(revoked);
	});
});
