/** What Create from Text and Update from Text share: the document's Name and Text. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireString } from '../../../common/validate';
import { readName } from '../../helpers/knowledge/ids';

export const textProperties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Shipping',
		description: 'The name of the document in the knowledge base',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		required: true,
		placeholder: 'Orders ship within 2 business days…',
		description: "The document's whole text; Dify splits it into chunks and indexes them",
	},
];

export function readText(ctx: IExecuteFunctions, i: number): { name: string; text: string } {
	return {
		name: readName(ctx, i, { name: 'name', label: 'Name' }),
		text: requireString(ctx.getNode(), i, 'Text', ctx.getNodeParameter('text', i, '')),
	};
}
