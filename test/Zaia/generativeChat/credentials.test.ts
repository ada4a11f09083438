/** One Zaia node, two APIs: the generative chats and messages sign with the Zaia Agent API key (Bearer), the rest with the Zaia API key (as-is). */
import type { INode, INodeCredentialDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Zaia } from '../../../nodes/Zaia/Zaia.node';
import { resources } from '../../../nodes/Zaia/actions/router';
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { zaia } from '../kit';

const AGENT = ['generativeChat', 'generativeMessage'];
const description = new Zaia().description;

/** The credential types the editor shows for a resource (and its default operation). */
function shownFor(resource: string): string[] {
	const parameters = { resource };
	const node = { parameters } as unknown as INode;
	return (description.credentials ?? [])
		.filter((credential: INodeCredentialDescription) =>
			NodeHelpers.displayParameter(parameters, credential, node, description),
		)
		.map((credential) => credential.name);
}

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia);

describe('Zaia: one node, two APIs', () => {
	test('the editor asks for the Zaia Agent API credential on the generative resources and for the Zaia API credential on every other one', () => {
		for (const resource of Object.keys(resources)) {
			expect({ resource, shown: shownFor(resource) }).toEqual({
				resource,
				shown: AGENT.includes(resource) ? ['zaiaAgentApi'] : ['zaiaApi'],
			});
		}
		const agent = description.credentials?.find((c) => c.name === 'zaiaAgentApi');
		expect(agent?.required).toBe(true);
	});

	test('each generative operation signs with the agent key as Bearer; a Public API resource still sends its key as-is', async () => {
		const calls: Array<[string, Record<string, unknown>]> = [
			['generativeChat', { operation: 'create', agentId: zaia.ZAIA_AGENT_ID }],
			['generativeChat', { operation: 'get', externalGenerativeChatId: zaia.GENERATIVE_CHAT_ID }],
			['generativeChat', { operation: 'getAll' }],
			[
				'generativeMessage',
				{
					operation: 'send',
					agentId: zaia.ZAIA_AGENT_ID,
					externalGenerativeChatId: zaia.GENERATIVE_CHAT_ID,
					prompt: 'hi',
				},
			],
		];
		for (const [resource, parameters] of calls) {
			ctx.sim.reset();
			const result = await run({ resource, ...parameters });
			expect({ resource, parameters, error: result.error?.message }).toEqual({
				resource,
				parameters,
				error: undefined,
			});
			expect(ctx.sim.requests.map((r) => r.headers.authorization)).toEqual([
				`Bearer ${zaia.AGENT_API_KEY}`,
			]);
		}
		expect(
			Object.keys(resources)
				.filter((r) => AGENT.includes(r))
				.flatMap((r) =>
					Object.keys(resources[r as keyof typeof resources].operations).map((o) => `${r}.${o}`),
				),
		).toEqual(calls.map(([r, p]) => `${r}.${String(p.operation)}`));
		ctx.sim.reset();
		const publicApi = await run({ resource: 'chat', operation: 'getAll' });
		expect(publicApi.error).toBeUndefined();
		expect(ctx.sim.requests[0].headers.authorization).toBe(zaia.API_KEY);
	});

	test('the agent key does not open the Public API, nor the other way round (401 from Zaia)', async () => {
		const agentKeyOnPublic = await run(
			{ resource: 'chat', operation: 'getAll' },
			{ credential: { apiKey: zaia.AGENT_API_KEY } },
		);
		expect(agentKeyOnPublic.error?.httpCode).toBe('401');
		const publicKeyOnAgent = await run(
			{ resource: 'generativeChat', operation: 'getAll' },
			{ credential: { apiKey: zaia.API_KEY } },
		);
		expect(publicKeyOnAgent.error?.httpCode).toBe('401');
	});
});
