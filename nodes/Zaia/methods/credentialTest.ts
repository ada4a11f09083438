import type { ICredentialsDecrypted, ICredentialTestFunctions, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

import { zaiaProfile } from '../transport';

/** A chat ID no workspace has: Zaia answers 404 for it once the key is accepted. */
export const PROBE_CHAT_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Zaia documents no endpoint that answers 2xx without an existing chat, so the test reads the
 * messages of a chat that cannot exist: 401/403 mean the key was refused, 404 (or 200) that it works.
 */
export async function zaiaApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as IDataObject;
	const apiKey = typeof data.apiKey === 'string' ? data.apiKey : '';
	if (!apiKey) return { status: 'Error', message: 'Enter the API key' };
	const baseUrl = String(data.baseUrl || zaiaProfile.defaultBaseUrl).replace(/\/+$/, '');
	let response: { statusCode: number; body: unknown };
	try {
		response = await this.helpers.request({
			method: 'GET',
			uri: `${baseUrl}/api/v1/chat-messages`,
			qs: { chatId: PROBE_CHAT_ID, limit: 1 },
			headers: { authorization: apiKey, accept: 'application/json' },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
		});
	} catch (error) {
		const message = String((error as Error).message ?? error).split(apiKey).join('[redacted]');
		return { status: 'Error', message: `Could not reach Zaia at ${baseUrl}: ${message}` };
	}
	const { statusCode } = response;
	if (statusCode === 401 || statusCode === 403) {
		const info = zaiaProfile.parseError(statusCode, response.body);
		return { status: 'Error', message: `Zaia refused the API key (HTTP ${statusCode}): ${info.message}` };
	}
	if (statusCode === 404 || (statusCode >= 200 && statusCode < 300)) return { status: 'OK', message: 'Zaia accepted the API key' };
	return { status: 'Error', message: `Unexpected answer from Zaia: HTTP ${statusCode}` };
}
