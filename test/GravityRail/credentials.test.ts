import { GravityRailApi } from '../../credentials/GravityRailApi.credentials';
import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { WS, gr } from './kit';

const ctx = useSimulator('gravityrail');
const run = nodeRunner(ctx, specs.gravityRail, { resource: 'chat' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('Gravity Rail: the Workspace UUID in the credential', () => {
	test.each([
		['not a UUID', 'acme-workspace'],
		['empty', ''],
		['a UUID with a path in it', `${'3f1c2a9e-5b7d-4e2f-9a1b-0c8d7e6f5a41'}/../x`],
	])(
		'an invalid workspace UUID in the credential (%s) is rejected before sending, for both operations',
		async (_label, workspaceUuid) => {
			for (const parameters of [
				{ operation: 'create', channel: 'web-chat' },
				{ operation: 'createDirectMessage', memberId: '900' },
			]) {
				const result = await run(parameters, { credential: { workspaceUuid } });
				expect(result.error?.name).toBe('NodeOperationError');
				expect(result.error?.message).toMatch(
					/^Workspace UUID \(in the credential\): must be a UUID/,
				);
			}
			expect(ctx.sim.requests).toHaveLength(0);
		},
	);
});

describe('Gravity Rail credential', () => {
	test("Bearer key, production base URL, and a test request against the workspace's current member", () => {
		const credential = new GravityRailApi();
		expect(credential.name).toBe('gravityRailApi');
		expect(credential.properties.find((p) => p.name === 'baseUrl')?.default).toBe(
			'https://api.gravityrail.com',
		);
		expect(credential.authenticate.properties.headers?.Authorization).toBe(
			'=Bearer {{$credentials.apiKey}}',
		);
		expect(credential.test.request).toMatchObject({
			url: '=/api/v2/w/{{$credentials.workspaceUuid}}/me',
			method: 'GET',
		});
	});

	test('the simulator answers the test request for the configured workspace', async () => {
		const response = await fetch(`${ctx.sim.baseUrl}/api/v2/w/${WS}/me`, {
			headers: { Authorization: `Bearer ${gr.API_KEY}` },
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ id: gr.ME.id, workspaceUuid: WS });
	});
});
