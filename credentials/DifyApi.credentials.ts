import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class DifyApi implements ICredentialType {
	name = 'difyApi';

	displayName = 'Dify API';

	icon = {
		light: 'file:../nodes/Dify/dify.svg',
		dark: 'file:../nodes/Dify/dify.dark.svg',
	} as const;

	documentationUrl = 'https://docs.dify.ai/en/api-reference/guides/get-started';

	properties: INodeProperties[] = [
		{
			displayName: 'App API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'app-xxxxxxxxxxxxxxxxxxxxxxxx',
			description:
				'The API key of one Dify app. In Dify, open the app, then API Access → API Key. A key works for its own app only.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.dify.ai/v1',
			placeholder: 'https://dify.example.com/v1',
			description:
				"Dify Cloud's API by default. For a self-hosted Dify, use your own API base URL (it ends in /v1).",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	// Get App Info works for every app type with an app key and changes nothing.
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/info', method: 'GET' },
	};
}
