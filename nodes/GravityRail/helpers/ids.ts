import type { IExecuteFunctions } from 'n8n-workflow';

import { requireInteger } from '../../common/validate';
import { workspacePath } from '../transport';

/** The path of one chat (GET / PUT /chats/{chat_id}; the docs type chat_id as an integer). */
export async function chatPath(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const chatId = requireInteger(
		ctx.getNode(),
		itemIndex,
		'Chat ID',
		ctx.getNodeParameter('chatId', itemIndex, ''),
		{ min: 1 },
	);
	return `${await workspacePath(ctx, itemIndex)}/chats/${chatId}`;
}
