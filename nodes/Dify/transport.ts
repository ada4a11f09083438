import { errorObject, fallbackErrorMessage, nonEmptyText } from '../common/errors';
import type { ProviderProfile } from '../common/transport';
import { knowledgeErrorInfo } from './helpers/knowledge/errors';

/**
 * Shown under Dify's own message for codes whose fix is not obvious from the message, classified
 * as Dify's "Handle Errors and Rate Limits" guide does. The same hints apply to an `error` event
 * inside a stream (same codes, HTTP 200), see helpers/reply.ts.
 */
const CODE_HINTS: Record<string, string> = {
	not_chat_app:
		'The API key belongs to an app that is not a chat app (Chatbot, Agent, Chatflow or New Agent). Use the key of a chat app.',
	not_workflow_app:
		'The API key belongs to an app that is not a Workflow app (or, for Human Input and run events, not a Chatflow or Workflow app). Use the key of the right app.',
	app_unavailable:
		"The app is unavailable or misconfigured. Check the app's configuration in Dify.",
	provider_not_initialize:
		'The app has no working model provider. Fix its model configuration in Dify; retrying will not help.',
	provider_quota_exceeded:
		"The model provider's quota is used up. Fix the app's model configuration in Dify; retrying will not help.",
	model_currently_not_support:
		"The app's model is not available. Pick another model in Dify; retrying will not help.",
	completion_request_error:
		"The model call failed inside Dify. Check the app's model configuration; retrying as it is will not help.",
	conversation_completed:
		'This conversation has ended. To start a new one, leave Conversation ID empty.',
	agent_not_published:
		"The app's Agent has no published version yet. Once you publish the Agent in Dify, try again.",
	workflow_version_execution_not_allowed:
		'Your Dify plan (Sandbox) cannot run a chosen workflow version. Leave Workflow ID empty to run the published workflow, or upgrade the plan.',
	too_many_requests:
		"Too many requests ran for this app at once (Dify's concurrency limit). The node waited and retried; lower its Concurrency option.",
	rate_limit_error:
		'A Dify Cloud plan quota (for example workflow runs) is used up. The node does not retry. The quota resets with its period or a plan change.',
	human_input_form_submitted:
		'This Human Input form was already submitted. Forms are one-shot: the first answer counts. Workflow → Get Run shows how the run went on.',
	human_input_form_expired:
		"This Human Input form expired before the answer arrived. The run took the form's timeout path, if it has one.",
	invalid_form_data:
		"The submitted inputs do not match the form. Human Input → Get Form shows each input's output_variable_name and the allowed actions.",
	file_too_large: 'The file is larger than Dify allows for its type.',
	unsupported_file_type: 'The file has no MIME type, or one that Dify does not accept.',
};

/**
 * Codes after which the same request cannot succeed later, whatever the HTTP status says.
 * openapi_service.json lists `rate_limit_error` only for the workflow endpoints (Completion's 429
 * names only `too_many_requests`); the errors guide says any 429 `rate_limit_error` is a Dify Cloud
 * plan quota that retrying will not clear. We follow the guide, for every endpoint.
 */
const NOT_RETRYABLE = new Set(['rate_limit_error']);

/**
 * Dify answers every documented error with `{ code, message, status }` (`status` mirrors the HTTP
 * status, `code` is stable, `message` is for people and may be empty, e.g. for `file_too_large`).
 * Dify's error bodies carry no request ID.
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
				'Agent and New Agent apps answer only in streaming mode. Set Additional Fields → Response Mode to Streaming.';
		}
		const retryable = code && NOT_RETRYABLE.has(code) ? false : undefined;
		// a code's own hint says what happened and what to do; the generic status hint would not fit
		// (e.g. "check the node's parameters" for a model call that failed inside the app)
		return { message, code, description, retryable, explainsFully: description !== undefined };
	},
	authHeaders: (credentials) => ({ Authorization: `Bearer ${String(credentials.apiKey ?? '')}` }),
};

/**
 * The same API reached with a Knowledge API key (`Authorization: Bearer dataset-…`): the node's
 * Knowledge resources (the ones Dify.node.ts shows that credential for) send through this profile, every
 * other resource through `difyProfile`. A second profile rather than the common transport's
 * `credentialTypeFor`: that one follows an Authentication parameter, and here the resource decides.
 */
export const difyKnowledgeProfile: ProviderProfile = {
	...difyProfile,
	credentialType: 'difyKnowledgeApi',
	parseError(status, body) {
		return knowledgeErrorInfo(status, body, difyProfile.parseError(status, body));
	},
};
