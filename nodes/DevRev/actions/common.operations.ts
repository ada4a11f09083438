/** Implementations several DevRev operations share: a reaction's Add and Remove. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../common/items';
import { requireString } from '../../common/validate';
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
