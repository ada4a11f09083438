import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * ClickUp OAuth app (ClickUp → Settings → Integrations → ClickUp API → Create an App), for
 * workflows that act for other ClickUp users. n8n runs the authorization-code flow and sends the
 * access token as a Bearer token.
 */
export class ClickUpChatOAuth2Api implements ICredentialType {
	name = 'clickUpChatOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'ClickUp Chat OAuth2 API';

	icon = {
		light: 'file:../nodes/ClickUpChat/clickUpChat.svg',
		dark: 'file:../nodes/ClickUpChat/clickUpChat.dark.svg',
	} as const;

	documentationUrl = 'https://developer.clickup.com/docs/authentication#oauth-flow';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://app.clickup.com/api',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://api.clickup.com/api/v2/oauth/token',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.clickup.com',
			description: 'Change only to point at a proxy or a local simulator',
		},
	];
}
