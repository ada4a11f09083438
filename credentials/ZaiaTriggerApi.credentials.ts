import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret that guards a Zaia Trigger's URL. Kept in a credential (as n8n's Webhook node keeps
 * its Header Auth secret) so that it does not travel inside exported or shared workflow JSON.
 * Community packages may not use n8n's built-in Header Auth / Query Auth credential types (n8n's
 * `no-credential-reuse` rule), hence this one.
 *
 * No `test` request: the secret is checked by n8n's own webhook, not by an API, so there is
 * nothing to call. The Zaia Trigger tests it instead (`testedBy: 'zaiaTriggerSecretTest'`): the
 * Test button reports whether the secret is long enough.
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
				'A long random string (at least 16 characters) that every call to the Zaia Trigger must carry: append it to the Production URL as ?secret=… (or send it in the X-Zaia-Secret header). Change it to revoke old callback URLs.',
		},
	];
}
