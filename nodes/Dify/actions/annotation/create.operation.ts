import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { requireString } from '../../../common/validate';
import { difyProfile } from '../../transport';
import { annotationProperties, optionsCollection } from '../common.descriptions';

export const properties: INodeProperties[] = [...annotationProperties, optionsCollection()];

/** The question and answer of an item (both required by Dify), checked. */
export function readAnnotation(ctx: IExecuteFunctions, i: number): IDataObject {
	const node = ctx.getNode();
	return {
		question: requireString(node, i, 'Question', ctx.getNodeParameter('question', i, '')),
		answer: requireString(node, i, 'Answer', ctx.getNodeParameter('answer', i, '')),
	};
}

export const operation: ItemOperation<IDataObject> = {
	async prepare(this: IExecuteFunctions, i) {
		return readAnnotation(this, i);
	},

	async execute(this: IExecuteFunctions, i, body) {
		// a create: never sent twice
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'POST',
			path: '/apps/annotations',
			body,
			itemIndex: i,
		});
		return response.body;
	},
};
