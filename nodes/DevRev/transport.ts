import { errorObject, fallbackErrorMessage, nonEmptyText as text } from '../common/errors';
import type { ProviderProfile } from '../common/transport';

/**
 * DevRev answers errors as `{ type, message, detail }`; a 500 adds `reference_id` (quote it to
 * DevRev support), a 429 adds `retry_after` (seconds, read by the shared transport).
 */
export const devRevProfile: ProviderProfile = {
	name: 'DevRev',
	credentialType: 'devRevApi',
	secretFields: ['accessToken'],
	defaultBaseUrl: 'https://api.devrev.ai',
	parseError(status, body) {
		const b = errorObject(body);
		const type = text(b.type);
		const detail = text(b.detail);
		const message = text(b.message) ?? detail ?? type ?? fallbackErrorMessage(status, body);
		const referenceId = text(b.reference_id);
		const description = [
			detail && detail !== message ? detail : undefined,
			referenceId ? `DevRev reference ID: ${referenceId}` : undefined,
		]
			.filter(Boolean)
			.join('\n');
		return { message, code: type, description: description || undefined };
	},
};
