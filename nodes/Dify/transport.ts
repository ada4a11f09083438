import { errorObject, fallbackErrorMessage, nonEmptyText } from '../common/errors';
import type { ProviderProfile } from '../common/transport';

/** Shown under Dify's own message for codes whose fix is not obvious from the message. */
const CODE_HINTS: Record<string, string> = {
	not_chat_app:
		'The API key belongs to an app that is not a chat app (Chatbot, Agent, Chatflow or New Agent). Use the key of a chat app.',
	provider_not_initialize:
		'The app has no working model provider: fix its model configuration in Dify; retrying will not help.',
	provider_quota_exceeded:
		"The model provider quota is used up: fix the app's model configuration in Dify; retrying will not help.",
	model_currently_not_support: "The app's model is not available: pick another model in Dify.",
	conversation_completed:
		'This conversation has ended: leave Conversation ID empty to start a new one.',
	too_many_requests:
		"Too many requests run for this app at once: lower the node's Concurrency option.",
	rate_limit_error: 'A Dify quota is exhausted; it resets with the quota period or a plan change.',
	file_too_large: 'The file is larger than Dify allows for its type.',
	unsupported_file_type: 'The file has no MIME type or one Dify does not accept.',
};

/**
 * Dify answers every documented error with `{ code, message, status }` (`status` mirrors the HTTP
 * status, `code` is stable, `message` is for people and may be empty, e.g. for `file_too_large`).
 */
export const difyProfile: ProviderProfile = {
	name: 'Dify',
	credentialType: 'difyApi',
	secretFields: ['apiKey'],
	defaultBaseUrl: 'https://api.dify.ai/v1',
	parseError(status, body) {
		const b = errorObject(body);
		const code = typeof b.code === 'string' && b.code ? b.code : undefined;
		const text = nonEmptyText(b.message)?.trim() ?? '';
		const message = text || (code ? `Dify answered ${code}` : fallbackErrorMessage(status, body));
		let description = code ? CODE_HINTS[code] : undefined;
		if (status === 400 && /blocking/i.test(text)) {
			description =
				'Agent and New Agent apps answer only in streaming mode: set Additional Fields → Response Mode to Streaming.';
		}
		return { message, code, description };
	},
	authHeaders: (credentials) => ({ Authorization: `Bearer ${String(credentials.apiKey ?? '')}` }),
};
