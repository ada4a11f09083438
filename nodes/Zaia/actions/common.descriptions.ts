import type { INodeProperties } from 'n8n-workflow';

/** Parameters several Zaia operations share, defined once. */

export const UUID_PLACEHOLDER = '123e4567-e89b-42d3-a456-426614174000';

export function chatIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		default: '',
		required: true,
		placeholder: UUID_PLACEHOLDER,
		description,
	};
}

export function chatThreadIdProperty(description: string): INodeProperties {
	return {
		displayName: 'Chat Thread ID',
		name: 'chatThreadId',
		type: 'string',
		default: '',
		placeholder: UUID_PLACEHOLDER,
		description,
	};
}
