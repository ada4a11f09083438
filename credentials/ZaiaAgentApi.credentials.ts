import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Zaia's agent API (api.zaia.app, v1.1): the external generative chats and messages of Zaia's
 * agents. Its key is sent as `Authorization: Bearer <key>`, unlike the Public API's key (Zaia API
 * credential), which goes as-is to another host; the Zaia node uses this credential for its
 * Generative Chat and Generative Message resources only.
 */
export class ZaiaAgentApi implements ICredentialType {
	name = 'zaiaAgentApi';

	displayName = 'Zaia Agent API';

	icon = {
		light: 'file:../nodes/Zaia/zaia.svg',
		dark: 'file:../nodes/Zaia/zaia.dark.svg',
	} as const;

	documentationUrl =
		'https://zaiadocs.gitbook.io/recursos/api/chat-generativo-externo/get-buscar-multiplos-chats';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A key of the Zaia platform: on platform.zaia.app open Manage API Keys (Gerenciar API Keys) and generate one. It is sent as a Bearer token.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.zaia.app',
			description: 'Change only to point at a proxy or a local simulator',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	// Retrieve Multiple external generative chats (one record): a documented read that needs no ID.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1.1/api/external-generative-chat/retrieve-multiple',
			method: 'GET',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Zaia refused the API key. Check it on platform.zaia.app under Manage API Keys.',
				},
			},
		],
	};
}
