/**
 * Implementations several ClickUp Chat operations share: a paged list below the Workspace's Chat
 * path, a Delete, a Create that tells a new channel from an existing one, and an Update.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import type { ItemOperation } from '../../common/items';
import { readLimit } from '../../common/paging';
import { apiRequest } from '../../common/transport';
import { invalid, readAdditionalJson } from '../../common/validate';
import type { ChatList } from '../chat/paging';
import { listChatRecords } from '../chat/paging';
import { readWorkspaceId } from '../helpers/parameters';
import { chatPath } from '../chat/paths';
import { clickUpProfile } from '../transport';

/** Reads an item's path segments below the Workspace's Chat path (each checked by its reader). */
type Segments = (ctx: IExecuteFunctions, itemIndex: number) => string[];

/**
 * A v3 Chat list (cursor paging, Return All / Limit): one item per record. `query` reads the
 * item's own query fields (without the paging ones).
 */
export function chatListOperation(
	segments: Segments,
	query?: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject,
): ItemOperation<{ list: ChatList; limit: number | undefined }> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			const path = chatPath(readWorkspaceId(this, i), ...segments(this, i));
			return { list: { path, qs: query ? query(this, i) : {} }, limit: readLimit(this, i) };
		},

		async execute(this: IExecuteFunctions, i, { list, limit }) {
			return await listChatRecords(this, i, list, limit);
		},
	};
}

/**
 * A Delete: ClickUp answers 204 without a body, so the item says what was deleted: `deleted: true`
 * and `output` (at least the `id`).
 */
export function chatDeleteOperation(
	target: (
		ctx: IExecuteFunctions,
		itemIndex: number,
	) => { segments: string[]; output: IDataObject },
): ItemOperation<{ path: string; output: IDataObject }> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			const workspaceId = readWorkspaceId(this, i);
			const { segments, output } = target(this, i);
			return { path: chatPath(workspaceId, ...segments), output };
		},

		async execute(this: IExecuteFunctions, i, { path, output }) {
			await apiRequest(this, clickUpProfile, { method: 'DELETE', path, itemIndex: i });
			return { deleted: true, ...output };
		},
	};
}

/** A checked write: where it goes and what it sends. */
export interface ChatWrite {
	path: string;
	body: IDataObject;
}

/**
 * A write (POST or PATCH) below the Workspace's Chat path. `read` gives the path segments and the
 * body (checked, before any request); `output` turns ClickUp's answer into the item.
 */
export function chatWriteOperation(
	method: IHttpRequestMethods,
	read: (ctx: IExecuteFunctions, itemIndex: number) => { segments: string[]; body: IDataObject },
	output: (response: { statusCode: number; body: IDataObject }) => IDataObject = (r) => r.body,
): ItemOperation<ChatWrite> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			const workspaceId = readWorkspaceId(this, i);
			const { segments, body } = read(this, i);
			return { path: chatPath(workspaceId, ...segments), body };
		},

		async execute(this: IExecuteFunctions, i, { path, body }) {
			const response = await apiRequest<IDataObject>(this, clickUpProfile, {
				method,
				path,
				body,
				itemIndex: i,
			});
			return output({ statusCode: response.statusCode, body: response.body ?? {} });
		},
	};
}

/**
 * A created (or found) channel: its own fields, flat like every other operation's output, and
 * whether it is new (ClickUp answers 201 for a new one, 200 for one that already existed).
 */
export function createdChannel(response: { statusCode: number; body: IDataObject }): IDataObject {
	return { ...(response.body.data as IDataObject), created: response.statusCode === 201 };
}

/** A channel as an Update answers it (`{ data: Channel }`): its own fields, flat. */
export function channelData(response: { body: IDataObject }): IDataObject {
	return response.body.data as IDataObject;
}

/**
 * An Update's body: the changes from Update Fields, then Extra Body Fields (JSON) over them. At
 * least one change is needed (a Content Format alone changes nothing); `hint` says which fields.
 */
export function updateBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	changes: IDataObject,
	hint: string,
): IDataObject {
	const body = { ...changes, ...readAdditionalJson(ctx, itemIndex, 'additionalBodyFields') };
	if (Object.keys(body).every((key) => key === 'content_format'))
		throw invalid(
			ctx.getNode(),
			itemIndex,
			'Update Fields',
			'add at least one field to change',
			hint,
		);
	return body;
}

/** A message list's Additional Fields → Content Format, as its `content_format` query parameter. */
export function contentFormatQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return extra.contentFormat ? { content_format: extra.contentFormat } : {};
}
