import type { ICredentialType, IAuthenticateGeneric, INodeProperties } from 'n8n-workflow';

/**
 * Zaia public API key. Zaia reads the key from the `authorization` header as it is (no "Bearer").
 * The credential is checked by the Zaia node's credential test (a read of a chat that cannot exist:
 * 404 means the key was accepted, 401/403 that it was not), because Zaia documents no endpoint
 * that answers 2xx without an existing chat.
 */
export class ZaiaApi implements ICredentialType {
	name = 'zaiaApi';

	displayName = 'Zaia API';

	icon = { light: 'file:../nodes/Zaia/zaia.svg', dark: 'file:../nodes/Zaia/zaia.dark.svg' } as const;

	documentationUrl = 'https://docs.zaia.app/documentation/api-reference-alpha/reference/chat-messages';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Create it in Zaia under workspace settings → API keys. It is sent as-is in the Authorization header.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.endless.zaia.app',
			description: 'Change only to point at a proxy or a local simulator',
		},
		{
			displayName: 'Callback Secret',
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used only by Export → "Wait for the Export": signs the resume URL handed to Zaia so that only a callback carrying the signature can resume the execution. Leave empty to derive the signing key from the API key (then rotating the API key invalidates exports still being waited for). Any long random string works.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '={{$credentials.apiKey}}' } },
	};
}
