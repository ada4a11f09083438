import type { INodePropertyOptions } from 'n8n-workflow';

/** timeline-entry-visibility (public OpenAPI). */
export const VISIBILITIES = ['external', 'internal', 'private', 'public'] as const;

export const visibilityOptions: INodePropertyOptions[] = [
	{
		name: 'External',
		value: 'external',
		description: 'Your Dev organization and Rev (customer) users',
	},
	{ name: 'Internal', value: 'internal', description: 'Your Dev organization only' },
	{ name: 'Private', value: 'private', description: 'Only you (and Private To users)' },
	{ name: 'Public', value: 'public', description: 'Everyone' },
];
