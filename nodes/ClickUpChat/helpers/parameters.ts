import type { IExecuteFunctions } from 'n8n-workflow';

import { invalid, requireInteger, requireString } from '../../common/validate';

/** Readers for the parameters several operations share; each names the field it refuses. */

/** A Workspace ID (the picker's value, an ID, or an expression): a positive whole number. */
export function readWorkspaceId(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('workspaceId', itemIndex, undefined, { extractValue: true });
	return requireInteger(ctx.getNode(), itemIndex, 'Workspace', value, { min: 1 });
}

const CHAT_ID = /^[A-Za-z0-9_-]+$/;

/** A ClickUp Chat ID (channel or message): letters, digits, - and _ only, so it is safe in a path. */
function readChatId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	what: string,
): string {
	const id = requireString(ctx.getNode(), itemIndex, field, value).trim();
	if (!CHAT_ID.test(id))
		throw invalid(
			ctx.getNode(),
			itemIndex,
			field,
			`"${id}" is not a ${what} ID (letters, digits, - and _ only)`,
		);
	return id;
}

/**
 * The Channel picker's value. Workflows saved before the picker existed hold a plain ID string,
 * which n8n hands over unchanged, so they keep working.
 */
export function readChannelId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('channelId', itemIndex, undefined, { extractValue: true });
	return readChatId(ctx, itemIndex, 'Channel', value, 'channel');
}

export function readMessageId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readChatId(
		ctx,
		itemIndex,
		'Message ID',
		ctx.getNodeParameter('messageId', itemIndex),
		'message',
	);
}

/** The Chat API path of a Workspace, with further (already checked) segments. */
export function chatPath(workspaceId: number, ...segments: string[]): string {
	return [`/api/v3/workspaces/${workspaceId}/chat`, ...segments.map(encodeURIComponent)].join('/');
}
