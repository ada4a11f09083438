/** A metadata field's Name (Create and Rename). */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readName } from '../../helpers/knowledge/ids';

const MAX_FIELD_NAME = 255;

export const fieldNameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'author',
	description:
		"The field's name: unique in the knowledge base, at most 255 characters, not a built-in field's name",
};

export const readFieldName = (ctx: IExecuteFunctions, i: number) =>
	readName(ctx, i, { name: 'name', label: 'Name', max: MAX_FIELD_NAME });
