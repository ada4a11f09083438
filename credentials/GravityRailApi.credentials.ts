import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class GravityRailApi implements ICredentialType {
	name = 'gravityRailApi';

	displayName = 'Gravity Rail API';

	icon = {
		light: 'file:../nodes/GravityRail/gravityRail.svg',
		dark: 'file:../nodes/GravityRail/gravityRail.dark.svg',
	} as const;

	documentationUrl = 'https://docs.gravityrail.com';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A Gravity Rail API key for the workspace below, sent as "Authorization: Bearer <key>". The key acts as a workspace member.',
		},
		{
			displayName: 'Workspace UUID',
			name: 'workspaceUuid',
			type: 'string',
			default: '',
			required: true,
			placeholder: '123e4567-e89b-12d3-a456-426614174000',
			description:
				"The UUID of the workspace the chats belong to (the part after /w/ in the workspace's API paths)",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.gravityrail.com',
			description: 'Change only to point at a proxy or a local simulator',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '=/api/v2/w/{{$credentials.workspaceUuid}}/me',
			method: 'GET',
		},
	};
}
