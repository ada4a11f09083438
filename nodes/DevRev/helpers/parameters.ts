import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { invalid, parseList, requireString } from '../../common/validate';
import { MAX_DM_RECORDS } from './limits';

/** Readers for the parameters several DevRev operations share; each names the field it refuses. */

/** The ID parameters DevRev operations take: parameter name, label, an example for the hint. */
export const ID_FIELDS = {
	chatId: { label: 'Chat ID', example: 'don:core:dvrv-us-1:devo/0:dm/1 or DM-1' },
	conversationId: {
		label: 'Conversation ID',
		example: 'don:core:dvrv-us-1:devo/0:conversation/1 or CONV-1',
	},
	messageId: { label: 'Message ID', example: 'don:core:dvrv-us-1:devo/0:dm/1:comment/1' },
} as const;

export type IdField = keyof typeof ID_FIELDS;

/**
 * A DevRev object ID (don:… or a display ID like DM-12). DevRev takes IDs in a body or a query,
 * never in a path, so any form DevRev gives is sent; only spaces (no ID has them) are refused.
 */
export function readId(ctx: IExecuteFunctions, itemIndex: number, name: IdField): string {
	const node = ctx.getNode();
	const { label, example } = ID_FIELDS[name];
	const id = requireString(
		node,
		itemIndex,
		label,
		ctx.getNodeParameter(name, itemIndex, ''),
	).trim();
	if (/\s/.test(id))
		throw invalid(
			node,
			itemIndex,
			label,
			`"${id}" is not a DevRev ID`,
			`A DevRev ID has no spaces, for example ${example}.`,
		);
	return id;
}

/** The Chat ID parameter (see readId). */
export function readChatId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readId(ctx, itemIndex, 'chatId');
}

/**
 * The object whose timeline holds the messages: the chat (Chat ID) or the conversation
 * (Conversation ID), as "Chat or Conversation" says. Left unset (nodes made before it existed): a chat.
 */
export function readTimelineObject(ctx: IExecuteFunctions, itemIndex: number): string {
	const parent = ctx.getNodeParameter('parent', itemIndex, 'chat') as string;
	if (parent === 'conversation') return readId(ctx, itemIndex, 'conversationId');
	if (parent !== 'chat')
		throw invalid(
			ctx.getNode(),
			itemIndex,
			'Chat or Conversation',
			`must be "chat" or "conversation", got ${JSON.stringify(parent)}`,
		);
	return readChatId(ctx, itemIndex);
}

/** A create's or an update's Records (at most 16), or undefined when the field was not added. */
export function readRecords(
	node: INode,
	itemIndex: number,
	fields: IDataObject,
): string[] | undefined {
	if (fields.records === undefined) return undefined;
	return parseList(node, itemIndex, 'Records', fields.records, {
		max: MAX_DM_RECORDS,
		unique: true,
	});
}

/** A create's or an update's Title, or undefined when left empty. */
export function readTitle(fields: IDataObject): string | undefined {
	return typeof fields.title === 'string' && fields.title !== '' ? fields.title : undefined;
}

/** An optional list of IDs (comma-separated or an array), or undefined when not added or empty. */
export function readIdList(
	node: INode,
	itemIndex: number,
	label: string,
	value: unknown,
	max?: number,
): string[] | undefined {
	if (value === undefined) return undefined;
	const list = parseList(node, itemIndex, label, value, { unique: true, max });
	return list.length > 0 ? list : undefined;
}

/** An update with nothing to change is refused (Update Fields), with what to pick instead. */
export function requireChanges(
	node: INode,
	itemIndex: number,
	changes: IDataObject,
	hint: string,
): IDataObject {
	if (Object.keys(changes).length === 0)
		throw invalid(node, itemIndex, 'Update Fields', 'add at least one field to change', hint);
	return changes;
}
