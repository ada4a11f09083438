import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { ALLOW_LOCAL_DOWNLOADS, DOWNLOAD_HOSTS } from '../nodes/Zaia/callback/downloadSettings';

/**
 * The secret that guards a Zaia Trigger's URL, kept in a credential so that it stays out of
 * exported and shared workflow JSON (community packages may not reuse n8n's Header Auth type).
 * Nothing to call: the Zaia Trigger's `zaiaTriggerSecretTest` checks its length instead.
 */
export class ZaiaTriggerApi implements ICredentialType {
	name = 'zaiaTriggerApi';

	displayName = 'Zaia Trigger API';

	icon = {
		light: 'file:../nodes/Zaia/zaia.svg',
		dark: 'file:../nodes/Zaia/zaia.dark.svg',
	} as const;

	documentationUrl =
		'https://docs.zaia.app/documentation/api-reference-alpha/reference/chat-messages';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"A long random string (at least 16 characters) that every call to the Zaia Trigger must carry. A Zaia node's Export → Send to URL can append it for you (Trigger Secret → From a Zaia Trigger Credential), so it never has to be pasted into a workflow. Change it to revoke old callback URLs.",
		},
		DOWNLOAD_HOSTS,
		ALLOW_LOCAL_DOWNLOADS,
	];
}
