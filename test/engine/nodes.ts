/**
 * Every node of the package as the engine tests run it: the node, its credential types, and
 * credentials that point at the test file's simulator with the simulator's own keys. Test files
 * call `nodeRunner(ctx, specs.<node>, { resource: … })`.
 */
import { ClickUpChatApi } from '../../credentials/ClickUpChatApi.credentials';
import { ClickUpChatOAuth2Api } from '../../credentials/ClickUpChatOAuth2Api.credentials';
import { DevRevApi } from '../../credentials/DevRevApi.credentials';
import { DifyApi } from '../../credentials/DifyApi.credentials';
import { DifyKnowledgeApi } from '../../credentials/DifyKnowledgeApi.credentials';
import { GravityRailApi } from '../../credentials/GravityRailApi.credentials';
import { ZaiaAgentApi } from '../../credentials/ZaiaAgentApi.credentials';
import { ZaiaApi } from '../../credentials/ZaiaApi.credentials';
import { ClickUpChat } from '../../nodes/ClickUpChat/ClickUpChat.node';
import { DevRev } from '../../nodes/DevRev/DevRev.node';
import { Dify } from '../../nodes/Dify/Dify.node';
import { GravityRail } from '../../nodes/GravityRail/GravityRail.node';
import { Zaia } from '../../nodes/Zaia/Zaia.node';
import { providers } from '../helpers';
import type { RunnerSpec } from './runner';

export { nodeRunner } from './runner';

export const specs = {
	clickUpChat: {
		node: () => new ClickUpChat(),
		credentialTypes: [new ClickUpChatApi(), new ClickUpChatOAuth2Api()],
		credentials: (sim) => ({
			clickUpChatApi: { accessToken: providers.clickup.TOKEN, baseUrl: sim.baseUrl },
		}),
	},
	devRev: {
		node: () => new DevRev(),
		credentialTypes: [new DevRevApi()],
		credentials: (sim) => ({
			devRevApi: { accessToken: providers.devrev.TOKEN, baseUrl: sim.baseUrl },
		}),
	},
	dify: {
		node: () => new Dify(),
		credentialTypes: [new DifyApi(), new DifyKnowledgeApi()],
		credentials: (sim) => ({
			difyApi: { apiKey: providers.dify.TOKEN, baseUrl: sim.baseUrl },
			difyKnowledgeApi: { apiKey: providers.dify.KNOWLEDGE_TOKEN, baseUrl: sim.baseUrl },
		}),
	},
	gravityRail: {
		node: () => new GravityRail(),
		credentialTypes: [new GravityRailApi()],
		credentials: (sim) => ({
			gravityRailApi: {
				apiKey: providers.gravityrail.API_KEY,
				workspaceUuid: providers.gravityrail.WORKSPACE_UUID,
				baseUrl: sim.baseUrl,
			},
		}),
	},
	zaia: {
		node: () => new Zaia(),
		credentialTypes: [new ZaiaApi(), new ZaiaAgentApi()],
		credentials: (sim) => ({
			zaiaApi: { apiKey: providers.zaia.API_KEY, baseUrl: sim.baseUrl },
			zaiaAgentApi: { apiKey: providers.zaia.AGENT_API_KEY, baseUrl: sim.baseUrl },
		}),
	},
} satisfies Record<string, RunnerSpec>;
