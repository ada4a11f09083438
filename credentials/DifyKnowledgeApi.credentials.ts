import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class DifyKnowledgeApi implements ICredentialType {
	name = 'difyKnowledgeApi';

	displayName = 'Dify Knowledge API';

	icon = {
		light: 'file:../nodes/Dify/dify.svg',
		dark: 'file:../nodes/Dify/dify.dark.svg',
	} as const;

	documentationUrl = 'https://docs.dify.ai/en/api-reference/guides/knowledge';

	properties: INodeProperties[] = [
		{
			displayName: 'Knowledge API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'dataset-xxxxxxxxxxxxxxxxxxxxxxxx',
			description:
				'A Knowledge API key, not an app key. In Dify, open Knowledge, click Service API (top right), then API Key. One key reaches every knowledge base the account that created it can see.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.dify.ai/v1',
			placeholder: 'https://dify.example.com/v1',
			description:
				"Dify Cloud's API by default. For a self-hosted Dify, use the Service API endpoint Knowledge → Service API shows (it ends in /v1).",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	// List Knowledge Bases (one record) works with any Knowledge API key and changes nothing.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/datasets',
			method: 'GET',
			qs: { page: 1, limit: 1 },
		},
	};
}
