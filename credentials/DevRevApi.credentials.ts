import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class DevRevApi implements ICredentialType {
	name = 'devRevApi';

	displayName = 'DevRev API';

	icon = {
		light: 'file:../nodes/DevRev/devRev.svg',
		dark: 'file:../nodes/DevRev/devRev.dark.svg',
	} as const;

	documentationUrl = 'https://developer.devrev.ai/about/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Personal Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In DevRev: Settings → Account → Personal Access Token → New token. The token acts as you, with your permissions.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.devrev.ai',
			description: 'Change only to point at a proxy or a local simulator',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/dev-users.self', method: 'GET' },
	};
}
