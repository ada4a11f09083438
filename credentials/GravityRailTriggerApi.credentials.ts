import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The signing secret of a Gravity Rail Event Rule's Webhook action, which the Gravity Rail Trigger
 * uses to check each call's X-Webhook-Signature. Kept in a credential so that it stays out of
 * exported and shared workflow JSON. Nothing to call: the trigger's `gravityRailTriggerSecretTest`
 * checks it locally.
 */
export class GravityRailTriggerApi implements ICredentialType {
	name = 'gravityRailTriggerApi';

	displayName = 'Gravity Rail Trigger API';

	icon = {
		light: 'file:../nodes/GravityRail/gravityRail.svg',
		dark: 'file:../nodes/GravityRail/gravityRail.dark.svg',
	} as const;

	documentationUrl = 'https://docs.gravityrail.com/features/developer/webhooks';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The secret Gravity Rail shows in the Event Rule's Webhook action once signing is turned on. Copy it here; when you rotate it in Gravity Rail, paste the new one here too.",
		},
		{
			displayName: 'Require Signature',
			name: 'requireSignature',
			type: 'boolean',
			default: true,
			description:
				'Whether calls without a valid X-Webhook-Signature are refused (401). Turn off only for an Event Rule without signing: then anyone who learns the URL can start the workflow.',
		},
	];
}
