import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, optionalText, readAdditionalJson } from '../../common/validate';

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
		if (typeof fields[name] === 'boolean') out[name] = fields[name];
	}
	return out;
}

/**
 * The body of a create, a direct message or an update: the operation's own fields (undefined ones
 * left out), the chat settings of `fields`, then Extra Body Fields (JSON), merged last so that a
 * user can rename or retype any field the node guesses.
 */
export function chatBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	own: IDataObject,
	fields: IDataObject = {},
): IDataObject {
	return {
		...compact(own),
		...readChatSettings(fields),
		...readAdditionalJson(ctx, itemIndex, 'additionalBodyFields'),
	};
}
