import { errorObject, fallbackErrorMessage, nonEmptyText, sentence } from '../common/errors';
import type { ProviderErrorInfo } from '../common/errors';
import type { ProviderProfile } from '../common/transport';

export type ZaiaLanguage = 'enUs' | 'esEs' | 'ptBr';

/**
 * Zaia answers errors as `{ code?, message, name, feedback: { enUs?, esEs?, ptBr? }, cta? }`.
 * The English feedback is written for people, so it becomes the message; Zaia's own technical
 * message, code/name and the support link go into the description.
 */
function zaiaErrorInfo(status: number, body: unknown, hints: string[] = []): ProviderErrorInfo {
	const b = errorObject(body);
	const feedback = errorObject(b.feedback);
	const english = nonEmptyText(feedback.enUs);
	const technical = nonEmptyText(b.message);
	const message = english ?? technical ?? fallbackErrorMessage(status, body);
	const code =
		typeof b.code === 'string' ? b.code : typeof b.name === 'string' ? b.name : undefined;
	const parts: string[] = [];
	if (technical && technical !== message) parts.push(`Zaia says: ${technical}`);
	if (code && typeof b.name === 'string' && b.name !== code) parts.push(`Error name: ${b.name}`);
	const cta = errorObject(b.cta);
	if (typeof cta.url === 'string') parts.push(`Zaia support: ${cta.url}`);
	parts.push(...hints);
	// each part its own sentence (n8n shows the description as one paragraph)
	const description = parts.map(sentence).join(' ');
	return { message, code, description: description || undefined };
}

/** Zaia's Public API (api.endless.zaia.app): chats, chat messages, exports; the key sent as-is. */
export const zaiaProfile: ProviderProfile = {
	name: 'Zaia',
	credentialType: 'zaiaApi',
	secretFields: ['apiKey', 'callbackSecret'],
	defaultBaseUrl: 'https://api.endless.zaia.app',
	parseError(status, body) {
		const hints =
			status === 412
				? ['Zaia exports at most 6 months per request: narrow Range Start and Range End']
				: [];
		return zaiaErrorInfo(status, body, hints);
	},
};

/**
 * Zaia's agent API (api.zaia.app, v1.1): external generative chats and messages, signed with
 * `Authorization: Bearer <key>` by the Zaia Agent API credential. The node's Generative Chat and
 * Generative Message resources (the ones Zaia.node.ts shows that credential for) send through this
 * profile, every other resource through `zaiaProfile`. The v1.1 pages document no error body:
 * the fields of the Public API's error body are read where present, anything else falls back to
 * the body's text or the HTTP status.
 */
export const zaiaAgentProfile: ProviderProfile = {
	name: 'Zaia',
	credentialType: 'zaiaAgentApi',
	secretFields: ['apiKey'],
	defaultBaseUrl: 'https://api.zaia.app',
	parseError(status, body) {
		return zaiaErrorInfo(status, body);
	},
};
