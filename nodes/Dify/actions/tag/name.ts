/** A tag's Name (Create and Rename). */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readName } from '../../helpers/knowledge/ids';

const MAX_TAG_NAME = 50;

export const tagNameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'Product Docs',
	description: "The tag's name (at most 50 characters, unique in the workspace)",
};

export const readTagName = (ctx: IExecuteFunctions, i: number) =>
	readName(ctx, i, { name: 'name', label: 'Name', max: MAX_TAG_NAME });
