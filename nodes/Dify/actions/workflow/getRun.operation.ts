import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { requireUuid } from '../../../common/validate';
import { difyProfile } from '../../transport';
import { optionsCollection, workflowRunIdProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [workflowRunIdProperty, optionsCollection()];

export const operation: ItemOperation<{ workflowRunId: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		const value = this.getNodeParameter('workflowRunId', i, '');
		return { workflowRunId: requireUuid(this.getNode(), i, 'Workflow Run ID', value) };
	},
	async execute(this: IExecuteFunctions, i, { workflowRunId }) {
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'GET',
			path: `/workflows/run/${encodeURIComponent(workflowRunId)}`,
			itemIndex: i,
		});
		return response.body;
	},
};
