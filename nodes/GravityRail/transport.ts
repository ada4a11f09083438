/**
 * How the node talks to Gravity Rail: the provider profile (auth, errors), the paths every chat
 * call is under, and the one request a prepared chat operation sends.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	errorObject,
	fallbackErrorMessage,
	nonEmptyText as text,
	sentence,
} from '../common/errors';
import type { ProviderProfile } from '../common/transport';
import { apiRequest } from '../common/transport';
import { requirePathId, requireUuid } from '../common/validate';

/** One entry of a validation error list ({ loc: ["body", "channel"], msg }) as "body.channel: msg". */
function validationEntry(entry: unknown): string | undefined {
	if (!entry || typeof entry !== 'object') return text(entry);
	const e = entry as IDataObject;
	const msg = text(e.msg) ?? text(e.message);
	if (!msg) return undefined;
	return Array.isArray(e.loc) && e.loc.length > 0 ? `${e.loc.join('.')}: ${msg}` : msg;
}

/**
 * Gravity Rail documents the statuses (400, 401, 403, 404, 500) but not the error body. Read the
 * usual shapes: `{ detail: "text" }`, `{ detail: [{ loc, msg }] }` (validation), `{ message }`
 * or `{ error }`, else the raw text.
 */
export const gravityRailProfile: ProviderProfile = {
	name: 'Gravity Rail',
	credentialType: 'gravityRailApi',
	secretFields: ['apiKey'],
	defaultBaseUrl: 'https://api.gravityrail.com',
	parseError(status, body) {
		const b = errorObject(body);
		const detailList = Array.isArray(b.detail)
			? b.detail.map(validationEntry).filter((d): d is string => !!d)
			: [];
		const nested =
			b.error && typeof b.error === 'object' ? text((b.error as IDataObject).message) : undefined;
		const message =
			text(b.detail) ??
			detailList[0] ??
			text(b.message) ??
			text(b.error) ??
			nested ??
			fallbackErrorMessage(status, body);
		const code = text(b.code);
		const description =
			detailList.length > 1 ? detailList.slice(1).map(sentence).join(' ') : undefined;
		return { message, code, description };
	},
};

/** The workspace path every chat call is under, from the credential's Workspace UUID (checked, no request). */
export async function workspacePath(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const credentials = await ctx.getCredentials(gravityRailProfile.credentialType, itemIndex);
	const uuid = requireUuid(
		ctx.getNode(),
		itemIndex,
		'Workspace UUID (in the credential)',
		credentials.workspaceUuid,
	);
	return `/api/v2/w/${uuid}`;
}

/**
 * The path of one chat (GET / PUT /chats/{chat_id}). The Chats.Crud docs do not type chat_id, so
 * any ID is taken as one opaque path segment; only what would change the path is refused.
 */
export async function chatPath(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const chatId = requirePathId(
		ctx.getNode(),
		itemIndex,
		'Chat ID',
		ctx.getNodeParameter('chatId', itemIndex, ''),
	);
	return `${await workspacePath(ctx, itemIndex)}/chats/${encodeURIComponent(chatId)}`;
}

/**
 * The path of one member (GET /members/{member_id}). The docs show GET /members and a member's
 * ID as a number (the signup answer), not this path or its type: any ID is one opaque segment.
 */
export async function memberPath(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const memberId = requirePathId(
		ctx.getNode(),
		itemIndex,
		'Member ID',
		ctx.getNodeParameter('memberId', itemIndex, ''),
	);
	return `${await workspacePath(ctx, itemIndex)}/members/${encodeURIComponent(memberId)}`;
}

/** What a chat operation prepares for an item: the request it sends. */
export interface ChatRequest {
	method: 'GET' | 'POST' | 'PUT';
	path: string;
	body?: IDataObject;
}

/** Send a prepared chat request; the output is the chat as Gravity Rail answers it. */
export async function sendChatRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	request: ChatRequest,
): Promise<IDataObject> {
	const response = await apiRequest<IDataObject>(this, gravityRailProfile, {
		...request,
		itemIndex,
	});
	return response.body;
}
