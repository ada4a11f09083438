/** Implementations several DevRev operations share: reads and deletes by ID, a reaction's Add and Remove. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../common/items';
import { requireString } from '../../common/validate';
import type { IdField } from '../helpers/parameters';
import { readId } from '../helpers/parameters';
import { devRevRequest } from '../transport';

export interface Reaction {
	object: string;
	emoji: string;
}

/** Message ID and Emoji, checked before any request. */
export function readReaction(ctx: IExecuteFunctions, i: number): Reaction {
	const object = readId(ctx, i, 'messageId');
	const emoji = requireString(
		ctx.getNode(),
		i,
		'Emoji',
		ctx.getNodeParameter('emoji', i, ''),
	).trim();
	return { object, emoji };
}

/**
 * Add or Remove: POST /reactions.update with the action. DevRev answers an empty object, so the
 * item says what changed: the message, the emoji and added/removed.
 */
export function reactionUpdate(action: 'add' | 'remove'): ItemOperation<Reaction> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			return readReaction(this, i);
		},

		async execute(this: IExecuteFunctions, i, { object, emoji }) {
			await devRevRequest(this, i, {
				method: 'POST',
				path: '/reactions.update',
				body: { action, emoji, object },
			});
			const done: IDataObject = action === 'add' ? { added: true } : { removed: true };
			return { ...done, messageId: object, emoji };
		},
	};
}

/** Get: GET <path>?id=… with the ID parameter; outputs DevRev's answer as-is. */
export function getById(field: IdField, path: string): ItemOperation<{ id: string }> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			return { id: readId(this, i, field) };
		},

		async execute(this: IExecuteFunctions, i, { id }) {
			return await devRevRequest(this, i, { method: 'GET', path, qs: { id } });
		},
	};
}

/**
 * Delete: POST <path> { id }. DevRev answers an empty object, so the item says what was deleted:
 * { deleted: true, id }.
 */
export function deleteById(field: IdField, path: string): ItemOperation<{ id: string }> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			return { id: readId(this, i, field) };
		},

		async execute(this: IExecuteFunctions, i, { id }) {
			await devRevRequest(this, i, { method: 'POST', path, body: { id } });
			return { deleted: true, id };
		},
	};
}
