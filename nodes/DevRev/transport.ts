import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	errorObject,
	fallbackErrorMessage,
	nonEmptyText as text,
	sentence,
} from '../common/errors';
import type { ApiRequest, ProviderProfile } from '../common/transport';
import { apiRequest } from '../common/transport';

/**
 * DevRev's error types and whether the same request may succeed later (responses.mdx: a 429 is
 * throttling until the rate limit window resets, a 500 "should retry after a short delay", a 503
 * is "a transient error"; the 4xx types describe the request itself).
 */
const RETRYABLE_TYPES: Record<string, boolean> = {
	too_many_requests: true,
	internal_error: true,
	service_unavailable: true,
	bad_request: false,
	unauthenticated: false,
	forbidden: false,
	not_found: false,
	conflict: false,
};

/**
 * DevRev answers errors as `{ type, message, detail }`; a 500 adds `reference_id` (quote it to
 * DevRev support), a 429 adds `retry_after` (seconds, read by the shared transport). `type` is the
 * failed item's `code`, `reference_id` its `requestId`.
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
			detail && detail !== message ? sentence(detail) : undefined,
			referenceId ? `DevRev reference ID: ${referenceId}.` : undefined,
		]
			.filter(Boolean)
			.join(' ');
		return {
			message,
			code: type,
			description: description || undefined,
			requestId: referenceId,
			retryable: type === undefined ? undefined : RETRYABLE_TYPES[type],
		};
	},
};

/** One DevRev call for an item; every operation outputs DevRev's answer as it is. */
export async function devRevRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: ApiRequest,
): Promise<IDataObject> {
	const response = await apiRequest<IDataObject>(ctx, devRevProfile, { ...request, itemIndex });
	return response.body;
}
