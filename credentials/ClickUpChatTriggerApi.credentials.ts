import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret that guards a ClickUp Chat Trigger's URL: ClickUp's "Call webhook" Automation sends
 * it in a custom header, and the trigger refuses every call without it. Kept in a credential so
 * that it stays out of exported and shared workflow JSON (community packages may not reuse n8n's
 * Header Auth type). Nothing to call: the trigger's `clickUpChatTriggerSecretTest` checks it.
 */
export class ClickUpChatTriggerApi implements ICredentialType {
	name = 'clickUpChatTriggerApi';

	displayName = 'ClickUp Chat Trigger API';

	icon = {
		light: 'file:../nodes/ClickUpChat/clickUpChat.svg',
		dark: 'file:../nodes/ClickUpChat/clickUpChat.dark.svg',
	} as const;

	documentationUrl =
		'https://help.clickup.com/hc/en-us/articles/30402042482839-Create-a-Chat-webhook-Automation';

	properties: INodeProperties[] = [
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Webhook-Secret',
			required: true,
			description:
				"The custom header the ClickUp Automation sends (Call webhook → Custom headers → Key). Letters, digits and '-' only; case does not matter.",
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"A long random string (at least 16 characters): the value of that custom header in the ClickUp Automation. ClickUp hides header values once saved; to change the secret, change it here and in the Automation's webhook.",
		},
	];
}
