import { errorObject, fallbackErrorMessage, nonEmptyText } from '../common/errors';
import type { ProviderProfile } from '../common/transport';

/**
 * ClickUp answers errors as `{ status, message, trace_id, timestamp }` (API v3)
 * or `{ err, ECODE }` (API v2, e.g. the workspace list).
 */
export const clickUpProfile: ProviderProfile = {
	name: 'ClickUp',
	credentialType: 'clickUpChatApi',
	credentialTypeFor: (choice) => (choice === 'oAuth2' ? 'clickUpChatOAuth2Api' : 'clickUpChatApi'),
	secretFields: [
		'accessToken',
		'clientSecret',
		'oauthTokenData.access_token',
		'oauthTokenData.refresh_token',
	],
	defaultBaseUrl: 'https://api.clickup.com',
	parseError(status, body) {
		const b = errorObject(body);
		const message =
			nonEmptyText(b.message) ?? nonEmptyText(b.err) ?? fallbackErrorMessage(status, body);
		const code = typeof b.ECODE === 'string' ? b.ECODE : undefined;
		const requestId =
			b.trace_id !== undefined && b.trace_id !== null ? String(b.trace_id) : undefined;
		const description = requestId ? `ClickUp trace ID: ${requestId}.` : undefined;
		return { message, code, description, requestId };
	},
};
