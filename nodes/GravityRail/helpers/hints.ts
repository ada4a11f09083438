import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** The warning shown in the editor when the chat was created but its initial message was not sent. */
export function addInitialMessageWarning(
	ctx: IExecuteFunctions,
	itemIndex: number,
	chat: IDataObject,
): void {
	const reason = chat.initialMessageError;
	if (reason === undefined || reason === null || reason === '') return;
	const chatId = chat.id ?? chat.uuid;
	const message = `Item ${itemIndex}: the chat${chatId !== undefined ? ` ${String(chatId)}` : ''} was created, but its initial message was not sent (${String(reason)}). Reload the chat in Gravity Rail and send the message again.`;
	// addExecutionHints is missing in older n8n versions: there the chat's initialMessageError still shows the reason.
	ctx.addExecutionHints?.({ message, type: 'warning', location: 'outputPane' });
}
