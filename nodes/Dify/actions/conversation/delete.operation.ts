import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { PATH_IDS, readPathId, readUser } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { difyProfile } from '../../transport';
import { conversationIdProperty, optionsCollection, userProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	conversationIdProperty,
	userProperty,
	optionsCollection(),
];

export const operation: ItemOperation<{ conversationId: string; user: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { conversationId: readPathId(this, i, PATH_IDS.conversation), user: readUser(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { conversationId, user }) {
		// Dify answers 204 without a body; the item says what was deleted.
		await apiRequest(this, difyProfile, {
			method: 'DELETE',
			path: difyPaths.conversation(conversationId),
			body: { user },
			itemIndex: i,
		});
		return { deleted: true, conversation_id: conversationId };
	},
};
