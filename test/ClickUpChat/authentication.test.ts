/** The two ways to sign in (Personal API Token, OAuth2): what is sent, what a refusal says, no token anywhere. */
import { nodeRunner, specs } from '../engine/nodes';
import { allText, useSimulator } from '../helpers';
import { byId, clickup, WS } from './kit';

const ctx = useSimulator('clickup');
const run = nodeRunner(ctx, specs.clickUpChat, {
	resource: 'channel',
	operation: 'createDirectMessage',
	workspaceId: byId(WS),
});
const DM_PATH = `/api/v3/workspaces/${WS}/chat/channels/direct_message`;

/** An OAuth2 credential holding `accessToken`, pointing at the simulator. */
function oAuth2(accessToken: string, client = { clientId: 'c', clientSecret: 's-0001' }) {
	return {
		clickUpChatOAuth2Api: {
			grantType: 'authorizationCode',
			...client,
			oauthTokenData: { access_token: accessToken, token_type: 'Bearer' },
			baseUrl: ctx.sim.baseUrl,
		},
	};
}

describe('ClickUp Chat with a Personal API Token', () => {
	test("401 becomes a readable NodeApiError with ClickUp's message and no token anywhere", async () => {
		const badToken = 'pk_99_WRONGTOKENWRONGTOKENWRONG';
		const result = await run({ userIds: '1' }, { credential: { accessToken: badToken } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Token invalid');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toMatch(/credential/);
		expect(allText(result.run)).not.toContain(badToken);
		expect(allText(result.error)).not.toContain(badToken);
	});

	test('the token never appears in output items or in the run data', async () => {
		const result = await run({ userIds: '1' });
		expect(allText(result.items)).not.toContain(clickup.TOKEN);
		expect(allText(result.run)).not.toContain(clickup.TOKEN);
	});
});

describe('ClickUp Chat with OAuth2', () => {
	test('sends the OAuth access token as a Bearer token and keeps it out of the output', async () => {
		const result = await run(
			{ authentication: 'oAuth2', userIds: '9001' },
			{
				credentials: oAuth2(clickup.OAUTH_TOKEN, {
					clientId: 'sim-client',
					clientSecret: 'sim-client-secret-0001',
				}),
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.created).toBe(true);
		const sent = ctx.sim.calls('POST', DM_PATH);
		expect(sent).toHaveLength(1);
		expect(sent[0].headers.authorization).toBe(`Bearer ${clickup.OAUTH_TOKEN}`);
		expect(allText(result.run)).not.toContain(clickup.OAUTH_TOKEN);
	});

	test("a revoked OAuth token gives ClickUp's 401 message without the token in it", async () => {
		const revoked = '42_revokedoauthtoken000000000000000000000009';
		const result = await run(
			{ authentication: 'oAuth2', userIds: '1' },
			{ credentials: oAuth2(revoked) },
		);
		expect(result.error?.message).toBe('Oauth token not found');
		expect(result.error?.httpCode).toBe('401');
		expect(allText(result.run)).not.toContain(revoked);
	});
});
