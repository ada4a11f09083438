import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class ClickUpChatApi implements ICredentialType {
	name = 'clickUpChatApi';

	displayName = 'ClickUp Chat API';

	icon = {
		light: 'file:../nodes/ClickUpChat/clickUpChat.svg',
		dark: 'file:../nodes/ClickUpChat/clickUpChat.dark.svg',
	} as const;

	documentationUrl = 'https://developer.clickup.com/docs/authentication#personal-token';

	properties: INodeProperties[] = [
		{
			displayName: 'Personal API Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'pk_12345678_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345',
			description:
				'In ClickUp: avatar → Settings → Apps → API Token. It starts with pk_; paste it as it is.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.clickup.com',
			description: 'Change only to point at a proxy or a local simulator',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '={{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/api/v2/user', method: 'GET' },
	};
}
