/** The chunk a child chunk belongs to, and its Content (Create and Update). */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireString } from '../../../common/validate';
import {
	datasetIdProperty,
	documentIdProperty,
	segmentIdProperty,
} from '../../helpers/knowledge/descriptions';

export const parentProperties: INodeProperties[] = [
	datasetIdProperty,
	documentIdProperty,
	{
		...segmentIdProperty,
		description: "The parent chunk's ID, from a Chunk → Create or Get Many step",
	},
];

export const contentProperty: INodeProperties = {
	displayName: 'Content',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	required: true,
	description: "The child chunk's text",
};

export function readContent(ctx: IExecuteFunctions, i: number): string {
	return requireString(ctx.getNode(), i, 'Content', ctx.getNodeParameter('content', i, ''));
}
