import type { INodeProperties } from 'n8n-workflow';

/** Parameters several DevRev operations share, defined once. */

export const chatIdProperty: INodeProperties = {
	displayName: 'Chat ID',
	name: 'chatId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'don:core:dvrv-us-1:devo/0:dm/1',
	description: "The chat's DevRev ID. After a Chat → Create step, drag its chat → ID field here.",
};

/** The two custom-field entries of a create's Additional Fields and an update's Update Fields. */
export const customFieldOptions: INodeProperties[] = [
	{
		displayName: 'Custom Fields (JSON)',
		name: 'customFields',
		type: 'json',
		default: '{}',
		description:
			'Application-defined custom fields, as a JSON object. DevRev requires a Custom Schema Spec naming the schema of every custom field you send.',
	},
	{
		displayName: 'Custom Schema Spec (JSON)',
		name: 'customSchemaSpec',
		type: 'json',
		default: '{}',
		placeholder: '{"tenant_fragment": true, "validate_required_fields": true}',
		description:
			'The schemas of the custom fields, as a JSON object with any of apps (array of text), subtype (text), tenant_fragment and validate_required_fields (booleans). Schemas left out stay unchanged.',
	},
];

/** Whether to add the token's user to a Users list (DevRev requires the caller in every DM). */
export const addAuthenticatedUserProperty: INodeProperties = {
	displayName: 'Add Me to Users',
	name: 'addAuthenticatedUser',
	type: 'boolean',
	default: true,
	description:
		'Whether to add the user the token belongs to (looked up once per run with GET /dev-users.self) to Users, unless already listed. DevRev rejects a DM that does not include you; turn this off only if you list yourself.',
};
