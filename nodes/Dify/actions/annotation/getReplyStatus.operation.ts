import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { invalid } from '../../../common/validate';
import { PATH_IDS, readPathId } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { difyProfile } from '../../transport';
import { optionsCollection } from '../common.descriptions';

export const properties: INodeProperties[] = [
	{
		displayName: 'Action',
		name: 'replyAction',
		type: 'options',
		options: [
			{ name: 'Disable', value: 'disable' },
			{ name: 'Enable', value: 'enable' },
		],
		default: 'enable',
		description:
			'Whether the job enables or disables annotation reply (as the step that started it)',
	},
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'a1b2c3d4-5678-90ab-cdef-1234567890ab',
		description: 'After an Enable Reply or Disable Reply step, drag its job_id here',
	},
	optionsCollection(),
];

export const operation: ItemOperation<{ action: string; jobId: string }> = {
	async prepare(this: IExecuteFunctions, i) {
		const action = String(this.getNodeParameter('replyAction', i, 'enable'));
		if (action !== 'enable' && action !== 'disable')
			throw invalid(this.getNode(), i, 'Action', `must be enable or disable, got "${action}"`);
		return { action, jobId: readPathId(this, i, PATH_IDS.annotationJob) };
	},

	async execute(this: IExecuteFunctions, i, { action, jobId }) {
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'GET',
			path: difyPaths.annotationReplyStatus(action, jobId),
			itemIndex: i,
		});
		return { ...(response.body ?? {}), action };
	},
};
