import type { IExecuteFunctions } from 'n8n-workflow';

import { requireString, requireUuid } from '../../common/validate';

/** The end user every Dify call is made for (Dify scopes conversations and files to it). */
export function readUser(ctx: IExecuteFunctions, i: number): string {
	return requireString(ctx.getNode(), i, 'User', ctx.getNodeParameter('user', i, '')).trim();
}

/** The Conversation ID parameter, checked to be a UUID. */
export function readConversationId(ctx: IExecuteFunctions, i: number): string {
	return requireUuid(
		ctx.getNode(),
		i,
		'Conversation ID',
		ctx.getNodeParameter('conversationId', i, ''),
	);
}
