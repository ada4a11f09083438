import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret that protects a Zaia Trigger's public URL. Zaia's export callback carries no
 * signature of its own, so the user adds this secret to the callback URL (query parameter) or, for
 * senders that can set headers, as a header. Requests without it get 401 and start nothing.
 */
export class ZaiaTriggerApi implements ICredentialType {
	name = 'zaiaTriggerApi';

	displayName = 'Zaia Trigger Secret';

	icon = { light: 'file:../nodes/Zaia/zaia.svg', dark: 'file:../nodes/Zaia/zaia.dark.svg' } as const;

	documentationUrl = 'https://docs.zaia.app/documentation/api-reference-alpha/reference/chat-messages';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random string (at least 16 characters). Give Zaia the trigger URL with ?secret=<this value> appended (the parameter name can be changed in the trigger), or send it in the X-Zaia-Secret header.',
		},
	];
}
