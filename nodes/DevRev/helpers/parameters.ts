import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { invalid, parseList, requireString } from '../../common/validate';
import { MAX_DM_RECORDS } from './limits';

/** Readers for the parameters several DevRev operations share; each names the field it refuses. */

/**
 * The Chat ID: a DevRev object ID (don:… or a display ID like DM-12). It goes into a body or a
 * query, never a path, so any form DevRev gives is sent; only spaces (no ID has them) are refused.
 */
export function readChatId(ctx: IExecuteFunctions, itemIndex: number): string {
	const node = ctx.getNode();
	const value = ctx.getNodeParameter('chatId', itemIndex, '');
	const id = requireString(node, itemIndex, 'Chat ID', value).trim();
	if (/\s/.test(id))
		throw invalid(
			node,
			itemIndex,
			'Chat ID',
			`"${id}" is not a DevRev ID`,
			'A DevRev ID has no spaces, for example don:core:dvrv-us-1:devo/0:dm/1 or DM-1.',
		);
	return id;
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
