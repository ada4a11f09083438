import type { IDataObject } from 'n8n-workflow';

import { optionalText } from '../../common/validate';

/** The text fields of `chatSettingOptions`, by their API (and parameter) names. */
const SETTING_TEXT_FIELDS = [
	'assistantMemberId',
	'assistantChatModelId',
	'assistantRealtimeModelId',
	'siteId',
	'title',
	'chatType',
] as const;

/** The boolean fields of `chatSettingOptions`. */
const SETTING_FLAGS = ['assistantEnabled', 'isTest'] as const;

function optionalBoolean(value: unknown): boolean | undefined {
	return typeof value === 'boolean' ? value : undefined;
}

/**
 * The chat settings a user filled in, under their API names: text trimmed (left empty: not sent),
 * flags as given. Keys of fields left out are absent.
 */
export function readChatSettings(fields: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const name of SETTING_TEXT_FIELDS) {
		const value = optionalText(fields[name]);
		if (value !== undefined) out[name] = value;
	}
	for (const name of SETTING_FLAGS) {
		const value = optionalBoolean(fields[name]);
		if (value !== undefined) out[name] = value;
	}
	return out;
}
