import type { INode } from 'n8n-workflow';

import { invalid, requireString } from '../../common/validate';

/** A DevRev object ID (don:… or a display ID like DM-12): one word, no spaces. Checked, no request. */
export function requireObjectId(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const id = requireString(node, itemIndex, field, value).trim();
	if (/\s/.test(id))
		throw invalid(
			node,
			itemIndex,
			field,
			`"${id}" is not a DevRev ID (an ID has no spaces, e.g. don:core:dvrv-us-1:devo/0:dm/1)`,
		);
	return id;
}
