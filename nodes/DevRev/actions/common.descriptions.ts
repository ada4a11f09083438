import type { INodeProperties } from 'n8n-workflow';

/** Parameters several DevRev operations share, defined once. */

export const chatIdProperty: INodeProperties = {
	displayName: 'Chat ID',
	name: 'chatId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'don:core:dvrv-us-1:devo/0:dm/1',
	description:
		"The chat's DevRev ID, or its display ID like DM-1. After a Chat → Create Direct Message or Get step, drag its chat → ID field here.",
};

/** The users of a DM to open or find (Create Direct Message, Get by users). */
export const usersProperty: INodeProperties = {
	displayName: 'Users',
	name: 'users',
	type: 'string',
	default: '',
	placeholder: 'DEVU-12, DEVU-34',
	description:
		'The users of the DM: their DevRev IDs (DEVU-12 or the full don:identity:… ID), comma-separated or an expression that returns an array. A DM has 1 to 16 users and DevRev requires you among them: see Add Me to Users.',
};

/** Whether to add the token's user to a Users list (DevRev requires the caller in every DM). */
export const addAuthenticatedUserProperty: INodeProperties = {
	displayName: 'Add Me to Users',
	name: 'addAuthenticatedUser',
	type: 'boolean',
	default: true,
	description:
		'Whether to add you (the user the token belongs to) to Users unless already listed. DevRev rejects a DM without you: turn this off only if you list yourself.',
};

/** The two custom-field entries of a create's Additional Fields and an update's Update Fields. */
export const customFieldOptions: INodeProperties[] = [
	{
		displayName: 'Custom Fields (JSON)',
		name: 'customFields',
		type: 'json',
		default: '{}',
		description:
			'Custom fields of your DevRev organization, as a JSON object. Name their schemas in Custom Schema Spec (JSON) as well.',
	},
	{
		displayName: 'Custom Schema Spec (JSON)',
		name: 'customSchemaSpec',
		type: 'json',
		default: '{}',
		placeholder: '{"tenant_fragment": true, "validate_required_fields": true}',
		description:
			'The schemas of the custom fields, as a JSON object with any of apps (a list of names), subtype (a name), tenant_fragment and validate_required_fields (true or false). Schemas left out stay as they are.',
	},
];

/** The records linked to a DM (Create Direct Message; Update replaces them). */
export const recordsOption: INodeProperties = {
	displayName: 'Records',
	name: 'records',
	type: 'string',
	default: '',
	placeholder: 'ISS-101, TKT-7',
	description:
		'IDs of DevRev records (issues, tickets, …) to link to the DM, at most 16, comma-separated or an array',
};
