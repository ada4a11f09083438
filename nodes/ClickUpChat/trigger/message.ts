/**
 * The posted message, read back through the Chat API. ClickUp does not document the body of an
 * Automation's "Call webhook" and the API has no call that reads one message by its ID, so the
 * trigger looks for it where a new message is: among the channel's newest top-level messages
 * (most recent first), then in the threads of those that have replies (a reply's parent, when the
 * body names one, is looked at first). Bounded: a reply in a thread older than the newest
 * MESSAGE_WINDOW messages is not found.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { apiRequest } from '../../common/transport';
import { fetchChatPage } from '../chat/paging';
import { chatPath } from '../chat/paths';
import { clickUpProfile } from '../transport';

/** How many of the channel's newest top-level messages (one page) are looked at. */
export const MESSAGE_WINDOW = 50;
/** How many of those messages' threads are looked at for a reply, newest message first. */
export const MAX_THREADS = 10;

export interface MessageRef {
	workspaceId: number;
	channelId: string;
	commentId: string;
	/** The parent message, when the body names one. */
	parentHint?: string;
	contentFormat?: string;
}

function findIn(records: IDataObject[], id: string): IDataObject | undefined {
	return records.find((record) => String(record.id) === id);
}

/** The message as the Chat API lists it, or undefined when it is not in the window looked at. */
export async function readPostedMessage(
	ctx: IWebhookFunctions,
	ref: MessageRef,
): Promise<IDataObject | undefined> {
	const qs: IDataObject = ref.contentFormat ? { content_format: ref.contentFormat } : {};
	const replies = async (parentId: string) =>
		(
			await fetchChatPage(
				ctx,
				{ path: chatPath(ref.workspaceId, 'messages', parentId, 'replies'), qs },
				undefined,
				MESSAGE_WINDOW,
			)
		).items;
	if (ref.parentHint) {
		const found = findIn(await replies(ref.parentHint), ref.commentId);
		if (found) return found;
	}
	const { items: newest } = await fetchChatPage(
		ctx,
		{ path: chatPath(ref.workspaceId, 'channels', ref.channelId, 'messages'), qs },
		undefined,
		MESSAGE_WINDOW,
	);
	const top = findIn(newest, ref.commentId);
	if (top) return top;
	const threads = newest
		.filter((m) => Number(m.replies_count) > 0 && String(m.id) !== ref.parentHint)
		.slice(0, MAX_THREADS);
	for (const thread of threads) {
		const found = findIn(await replies(String(thread.id)), ref.commentId);
		if (found) return found;
	}
	return undefined;
}

/** The ID of the user the ClickUp Chat credential signs in as (`GET /api/v2/user`). */
export async function ownUserId(ctx: IWebhookFunctions): Promise<string | undefined> {
	const response = await apiRequest<{ user?: IDataObject }>(ctx, clickUpProfile, {
		method: 'GET',
		path: '/api/v2/user',
	});
	const id = response.body?.user?.id;
	return id === undefined || id === null ? undefined : String(id);
}

/** The trigger's item: the message as ClickUp lists it, plus where it is and which thread it is in. */
export function messageItem(message: IDataObject, workspaceId: number): IDataObject {
	const parent = message.parent_message;
	const isReply = typeof parent === 'string' && parent !== '';
	return {
		...message,
		workspace_id: String(workspaceId),
		is_reply: isReply,
		thread_id: isReply ? parent : message.id,
	};
}
