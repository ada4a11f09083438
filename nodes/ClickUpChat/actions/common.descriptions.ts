import type { INodeProperties } from 'n8n-workflow';

/** Parameters several ClickUp Chat operations share, defined once. */

export const workspaceIdProperty: INodeProperties = {
	displayName: 'Workspace',
	name: 'workspaceId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The ClickUp Workspace the channel or Direct Message belongs to',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'getWorkspaces', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '9012345678',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[0-9]+\\s*$',
						errorMessage: 'A Workspace ID is a number, e.g. 9012345678',
					},
				},
			],
		},
	],
};
