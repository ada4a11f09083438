/** Readers of the texts several Knowledge operations take (checked, no request). */
import type { IExecuteFunctions } from 'n8n-workflow';

import { requireString } from '../../../common/validate';
import { readName } from './ids';

const MAX_TAG_NAME = 50;
const MAX_FIELD_NAME = 255;

/** A document's Name and Text. */
export function readText(ctx: IExecuteFunctions, i: number): { name: string; text: string } {
	return {
		name: readName(ctx, i, { name: 'name', label: 'Name' }),
		text: requireString(ctx.getNode(), i, 'Text', ctx.getNodeParameter('text', i, '')),
	};
}

/** A child chunk's Content. */
export function readContent(ctx: IExecuteFunctions, i: number): string {
	return requireString(ctx.getNode(), i, 'Content', ctx.getNodeParameter('content', i, ''));
}

/** A tag's Name (at most 50 characters). */
export const readTagName = (ctx: IExecuteFunctions, i: number) =>
	readName(ctx, i, { name: 'name', label: 'Name', max: MAX_TAG_NAME });

/** A metadata field's Name (at most 255 characters). */
export const readFieldName = (ctx: IExecuteFunctions, i: number) =>
	readName(ctx, i, { name: 'name', label: 'Name', max: MAX_FIELD_NAME });
