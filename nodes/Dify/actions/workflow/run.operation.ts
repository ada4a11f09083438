import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { simplifiedWorkflow, workflowItem } from '../../helpers/outputs';
import { optionalText, requireUuid } from '../../../common/validate';
import { runStreamedCall } from '../../helpers/reply';
import type { ReplyRequest } from '../../helpers/replyRequest';
import { bodyWithFiles, readReplyRequest } from '../../helpers/replyRequest';
import {
	filesField,
	inputsProperties,
	optionsCollection,
	simplifyProperties,
	streamedReplyOptions,
	userProperty,
} from '../common.descriptions';

export const properties: INodeProperties[] = [
	userProperty,
	...inputsProperties,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				...filesField,
				description:
					'Files for models with vision, from a URL or a binary property of the input item (uploaded first). File-type input variables go in Inputs (JSON) as Dify file objects.',
			},
			{
				displayName: 'Response Mode',
				name: 'responseMode',
				type: 'options',
				options: [
					{
						name: 'Streaming',
						value: 'streaming',
						description:
							'Not cut off on long runs, resumed when the connection breaks, pauses for Human Input reported; aggregated into one item',
					},
					{
						name: 'Blocking',
						value: 'blocking',
						description: 'One JSON answer once the run ends; Dify Cloud cuts it after 100 s',
					},
				],
				default: 'streaming',
			},
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				placeholder: '7c3e33d4-2a8b-4e5f-9b1a-d3c6e8f12345',
				description:
					'Run this published workflow version (its workflow_id) instead of the latest published one. Not available on the Dify Cloud Sandbox plan.',
			},
		],
	},
	...simplifyProperties,
	optionsCollection(streamedReplyOptions),
];

interface Prepared extends ReplyRequest {
	path: string;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const request = readReplyRequest(this, i);
		const workflowId = optionalText(request.additional.workflowId);
		const path = workflowId
			? `/workflows/${encodeURIComponent(requireUuid(this.getNode(), i, 'Workflow ID', workflowId))}/run`
			: '/workflows/run';
		return { ...request, path };
	},

	async execute(this: IExecuteFunctions, i, prepared) {
		const result = await runStreamedCall(this, i, {
			path: prepared.path,
			body: await bodyWithFiles(this, i, prepared),
			user: prepared.user,
			mode: 'workflow',
			stopPath: (taskId) => `/workflows/tasks/${encodeURIComponent(taskId)}/stop`,
			shape: prepared.simplify ? simplifiedWorkflow : workflowItem,
			options: prepared.options,
		});
		return prepared.simplify ? simplifiedWorkflow(result) : workflowItem(result);
	},
};
