/**
 * The ClickUp Chat Trigger's webhook, for a channel Automation's "Call webhook": check the
 * secret header (401, nothing starts), bound the body (413), find the channel and message IDs
 * (the URL's dynamic fields, else the body), start once per message (workflow static data), read
 * the message through the Chat API, then the loop guard and the filters.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { workspaceIdOf } from '../chat/paths';
import type { MessageRef } from './message';
import { MAX_THREADS, MESSAGE_WINDOW, messageItem, ownUserId, readPostedMessage } from './message';
import {
	answerNow,
	forgetDelivery,
	readBoundedBody,
	refuse,
	rememberDelivery,
	secretsMatch,
} from '../../common/webhook';
import { readTriggerSecret, secretProblem } from './secret';

const DEFAULT_MAX_BODY_KB = 256;

/** Other names the IDs may come under, in the URL or the body (ClickUp documents neither). */
const CHANNEL_ALIASES = ['channel_id', 'channelId', 'channel'];
const COMMENT_ALIASES = ['comment_id', 'commentId', 'message_id', 'messageId', 'comment'];

function text(value: unknown): string | undefined {
	if (Array.isArray(value)) return text(value[0]);
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function firstOf(source: IDataObject | undefined, names: string[]): string | undefined {
	if (!source || typeof source !== 'object') return undefined;
	for (const name of names) {
		const value = text(source[name]);
		if (value) return value;
	}
	return undefined;
}

function objectAt(body: unknown, key: string): IDataObject | undefined {
	const value = body && typeof body === 'object' ? (body as IDataObject)[key] : undefined;
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

/**
 * The IDs a call names. The URL's fields come first (the names set in Options, then the usual
 * ones); the body is a guess: its top level, then a `payload`, `comment` or `message` object as a
 * ClickUp message record (`id`, `parent_channel`, `parent_message`).
 */
export function idsOf(
	query: IDataObject,
	body: unknown,
	names: { channel: string; comment: string },
): { channelId?: string; commentId?: string; parentHint?: string } {
	const top = body && typeof body === 'object' ? (body as IDataObject) : undefined;
	const records = ['payload', 'comment', 'message'].map((key) => objectAt(body, key));
	const record = records.find((r) => r !== undefined);
	return {
		channelId:
			firstOf(query, [names.channel, ...CHANNEL_ALIASES]) ??
			firstOf(top, CHANNEL_ALIASES) ??
			firstOf(record, ['parent_channel', ...CHANNEL_ALIASES]),
		commentId:
			firstOf(query, [names.comment, ...COMMENT_ALIASES]) ??
			firstOf(top, COMMENT_ALIASES) ??
			firstOf(record, ['id', ...COMMENT_ALIASES]),
		parentHint: firstOf(top, ['parent_message']) ?? firstOf(record, ['parent_message']),
	};
}

function ignored(reason: string, extra: IDataObject = {}): IWebhookResponseData {
	return { webhookResponse: { received: true, started: false, reason, ...extra } };
}

export async function receiveChatMessage(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const credential = await readTriggerSecret(ctx);
	const request = ctx.getRequestObject();
	const presented = text(request.headers[credential.headerName]);
	// fail closed: without a usable secret nothing is accepted; the caller is told no more
	if (secretProblem(credential) || !secretsMatch(presented, credential.secret))
		return refuse(ctx, 401, 'Unauthorized');

	const maxBytes = Math.round(Number(options.maxBodySizeKb || DEFAULT_MAX_BODY_KB) * 1024);
	const raw = await readBoundedBody(ctx, maxBytes);
	if (raw === undefined) return refuse(ctx, 413, 'Payload Too Large', { maxBytes });
	let body: unknown = request.body;
	if ((body === undefined || body === null || body === '') && raw.length > 0) {
		try {
			body = JSON.parse(raw.toString('utf8'));
		} catch {
			body = undefined;
		}
	}

	const { channelId, commentId, parentHint } = idsOf(request.query as IDataObject, body, {
		channel: String(options.channelIdField || 'channel_id'),
		comment: String(options.commentIdField || 'comment_id'),
	});
	if (!channelId || !commentId)
		return refuse(ctx, 400, 'Bad Request', {
			message: `The webhook URL must carry the Channel ID and Comment ID dynamic fields (?${String(options.channelIdField || 'channel_id')}=…&${String(options.commentIdField || 'comment_id')}=…)`,
		});

	// ClickUp documents no retries for Automation webhooks; a second call for the same message
	// (a retry, an Automation saved twice) starts nothing
	if (!rememberDelivery(ctx, commentId)) return ignored('duplicate', { id: commentId });

	const workspaceValue = ctx.getNodeParameter('workspaceId', undefined, { extractValue: true });
	const ref: MessageRef = {
		workspaceId: workspaceIdOf(ctx.getNode(), 0, workspaceValue),
		channelId,
		commentId,
		parentHint,
		contentFormat: text(options.contentFormat),
	};
	let message: IDataObject | undefined;
	let ownId: string | undefined;
	let read = false;
	try {
		message = await readPostedMessage(ctx, ref);
		if (message && options.ignoreOwnMessages !== false) ownId = await ownUserId(ctx);
		read = message !== undefined;
	} finally {
		// a call that could not read the message (ClickUp's error, not found) is not remembered:
		// a later call for the same message may succeed
		if (!read) forgetDelivery(ctx, commentId);
	}
	if (!message) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Message ${commentId} was not found in channel ${channelId} of Workspace ${ref.workspaceId}`,
			{
				description: `The trigger looked at the channel's ${MESSAGE_WINDOW} newest messages and the threads of up to ${MAX_THREADS} of them. Check the Workspace parameter and that the ClickUp Chat credential's user can read the channel.`,
			},
		);
	}

	if (ownId !== undefined && String(message.user_id) === ownId)
		return ignored('own message', { id: commentId });
	const isReply = Boolean(text(message.parent_message));
	const kind = ctx.getNodeParameter('messageKind', 'all') as string;
	if ((kind === 'replies' && !isReply) || (kind === 'topLevel' && isReply))
		return ignored('filtered', { id: commentId });
	const users = String(options.userIds ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	if (users.length > 0 && !users.includes(String(message.user_id)))
		return ignored('filtered', { id: commentId });

	// answered here: n8n 2.41 sends the text "firstEntryJson" for a webhookResponse given along
	// with workflowData
	return answerNow(ctx, 200, { received: true, started: true, id: commentId }, [
		[{ json: messageItem(message, ref.workspaceId) }],
	]);
}
