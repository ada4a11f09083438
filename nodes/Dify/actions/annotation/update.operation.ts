import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { PATH_IDS, readPathId } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { difyProfile } from '../../transport';
import {
	annotationIdProperty,
	annotationProperties,
	optionsCollection,
} from '../common.descriptions';
import { readAnnotation } from './create.operation';

// Dify's update replaces both fields (UpdateAnnotationRequest requires question and answer).
export const properties: INodeProperties[] = [
	annotationIdProperty,
	...annotationProperties,
	optionsCollection(),
];

export const operation: ItemOperation<{ id: string; body: IDataObject }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { id: readPathId(this, i, PATH_IDS.annotation), body: readAnnotation(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { id, body }) {
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'PUT',
			path: difyPaths.annotation(id),
			body,
			// setting the same question and answer twice does no harm
			idempotent: true,
			itemIndex: i,
		});
		return response.body;
	},
};
