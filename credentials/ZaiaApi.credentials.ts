import type {
	ICredentialTestRequest,
	ICredentialType,
	IAuthenticateGeneric,
	INodeProperties,
} from 'n8n-workflow';

import { ALLOW_LOCAL_DOWNLOADS, DOWNLOAD_HOSTS } from '../nodes/Zaia/callback/downloadSettings';

/** A chat ID no workspace has, used by the Test button when no chat ID is given. */
const PROBE_CHAT_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Zaia public API key. Zaia reads the key from the `authorization` header as it is (no "Bearer").
 * Zaia documents no endpoint that answers 2xx without an existing chat, so the Test button reads one
 * message of a chat the user names; without one, a 404 still proves the key was accepted and says so.
 */
export class ZaiaApi implements ICredentialType {
	name = 'zaiaApi';

	displayName = 'Zaia API';

	icon = {
		light: 'file:../nodes/Zaia/zaia.svg',
		dark: 'file:../nodes/Zaia/zaia.dark.svg',
	} as const;

	documentationUrl =
		'https://docs.zaia.app/documentation/api-reference-alpha/reference/chat-messages';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Create it in Zaia under workspace settings → API keys. It is sent as-is in the Authorization header. Paste the whole key: a value under 4 characters can be hidden from error messages only where it stands alone.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.endless.zaia.app',
			description: 'Change only to point at a proxy or a local simulator',
		},
		{
			displayName: 'Test Chat ID',
			name: 'testChatId',
			type: 'string',
			default: '',
			placeholder: '123e4567-e89b-42d3-a456-426614174000',
			description:
				'Optional, only for the Test button: the test reads one message of this chat. Any chat of your workspace will do. Left empty, the test says the key was accepted but the chat was not found. The nodes never use it.',
		},
		{
			displayName: 'Callback Secret',
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Used only by Export → Wait for the Export: signs the address Zaia calls back, so that only Zaia's callback can resume the execution. Any long random string works. Left empty, the key is derived from the API key (then a new API key cancels the exports still being waited for).",
		},
		DOWNLOAD_HOSTS,
		ALLOW_LOCAL_DOWNLOADS,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: `=/api/v1/chat-messages?limit=1&chatId={{encodeURIComponent(($credentials.testChatId || "${PROBE_CHAT_ID}").trim())}}`,
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Zaia refused the API key. Check it in workspace settings → API keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'Zaia accepted the API key, but it may not read chat messages.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Zaia accepted the API key, but the chat to test with was not found. Enter one of your chat IDs in Test Chat ID for a green test.',
				},
			},
		],
	};
}
