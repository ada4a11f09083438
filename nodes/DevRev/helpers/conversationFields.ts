import type { IDataObject, INode } from 'n8n-workflow';

import { compact, optionalText, parseList } from '../../common/validate';
import { readCustomFields } from './customFields';
import { readIdList, readTitle } from './parameters';

/**
 * A conversation create's and update's fields under DevRev's names (conversations-create-request,
 * conversations-update-request): the fields both take the same way, then the list fields, which
 * a create sends as arrays and an update as `{ set }` (tags also `{ add }` / `{ remove }`).
 */

function flag(value: unknown): boolean | undefined {
	return typeof value === 'boolean' ? value : undefined;
}

/** Brand, description, group, spam flag, stage, title and custom fields, as both requests take them. */
function sharedFields(node: INode, itemIndex: number, fields: IDataObject): IDataObject {
	const stage = optionalText(fields.stage);
	return {
		brand: optionalText(fields.brand),
		description:
			typeof fields.description === 'string' && fields.description !== ''
				? fields.description
				: undefined,
		group: optionalText(fields.group),
		is_spam: flag(fields.isSpam),
		stage: stage === undefined ? undefined : { name: stage },
		title: readTitle(fields),
		...readCustomFields(node, itemIndex, fields),
	};
}

const tagRefs = (ids: string[] | undefined) => ids?.map((id) => ({ id }));

/** conversations.create: the Additional Fields (everything but `type`). */
export function conversationCreateFields(
	node: INode,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const message =
		typeof fields.messages === 'string' && fields.messages.trim() !== ''
			? fields.messages
			: undefined;
	return compact({
		...sharedFields(node, itemIndex, fields),
		channels: readIdList(node, itemIndex, 'Channel IDs', fields.channels),
		members: readIdList(node, itemIndex, 'Members', fields.members),
		messages: message === undefined ? undefined : [{ body: message }],
		owned_by: readIdList(node, itemIndex, 'Owned By', fields.ownedBy),
		source_channel: optionalText(fields.sourceChannel),
		tags: tagRefs(readIdList(node, itemIndex, 'Tags', fields.tags)),
	});
}

/** An update's replacing list: `{ set }`, empty when the field was added but left empty. */
function setOf(node: INode, itemIndex: number, label: string, value: unknown) {
	if (value === undefined) return undefined;
	return { set: parseList(node, itemIndex, label, value, { unique: true }) };
}

/** conversations.update: the Update Fields (everything but `id`). */
export function conversationUpdateFields(
	node: INode,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const tags = compact({
		set:
			fields.tags === undefined
				? undefined
				: tagRefs(setOf(node, itemIndex, 'Tags', fields.tags)?.set),
		add: tagRefs(readIdList(node, itemIndex, 'Add Tags', fields.addTags)),
		remove: tagRefs(readIdList(node, itemIndex, 'Remove Tags', fields.removeTags)),
	});
	return compact({
		...sharedFields(node, itemIndex, fields),
		applies_to_parts: setOf(node, itemIndex, 'Applies To Part IDs', fields.appliesToParts),
		channels: setOf(node, itemIndex, 'Channel IDs', fields.channels),
		is_frozen: flag(fields.isFrozen),
		members: setOf(node, itemIndex, 'Members', fields.members),
		owned_by: setOf(node, itemIndex, 'Owned By', fields.ownedBy),
		status: optionalText(fields.status),
		tags: Object.keys(tags).length > 0 ? tags : undefined,
	});
}
