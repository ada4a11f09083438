import { errorObject, fallbackErrorMessage, nonEmptyText, sentence } from '../common/errors';
import type { ProviderProfile } from '../common/transport';

export type ZaiaLanguage = 'enUs' | 'esEs' | 'ptBr';

/**
 * Zaia answers errors as `{ code?, message, name, feedback: { enUs?, esEs?, ptBr? }, cta? }`.
 * The English feedback is written for people, so it becomes the message; Zaia's own technical
 * message, code/name and the support link go into the description.
 */
export const zaiaProfile: ProviderProfile = {
	name: 'Zaia',
	credentialType: 'zaiaApi',
	secretFields: ['apiKey', 'callbackSecret'],
	defaultBaseUrl: 'https://api.endless.zaia.app',
	parseError(status, body) {
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
		if (status === 412)
			parts.push('Zaia exports at most 6 months per request: narrow Range Start and Range End');
		// each part its own sentence (n8n shows the description as one paragraph)
		const description = parts.map(sentence).join(' ');
		return { message, code, description: description || undefined };
	},
};
