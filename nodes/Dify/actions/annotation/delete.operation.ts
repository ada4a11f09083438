import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { PATH_IDS, readPathId } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { difyProfile } from '../../transport';
import { annotationIdProperty, optionsCollection } from '../common.descriptions';

export const properties: INodeProperties[] = [annotationIdProperty, optionsCollection()];

export const operation: ItemOperation<{ id: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		return { id: readPathId(this, i, PATH_IDS.annotation) };
	},

	async execute(this: IExecuteFunctions, i, { id }) {
		// Dify answers 204 without a body; the item says what was deleted.
		await apiRequest(this, difyProfile, {
			method: 'DELETE',
			path: difyPaths.annotation(id),
			itemIndex: i,
		});
		return { deleted: true, id };
	},
};
