import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { invalid, optionalText, requireString, requireUuid } from '../../../common/validate';
import type { FileSpec } from '../../helpers/files';
import { fileReferences, readFiles } from '../../helpers/files';
import { readInputs } from '../../helpers/inputs';
import { simplifiedWorkflow, workflowItem } from '../../helpers/outputs';
import type { ReplyOptions } from '../../helpers/reply';
import { readReplyOptions, runStreamedCall } from '../../helpers/reply';
import {
	filesField,
	inputsProperties,
	optionsCollection,
	simplifyProperties,
	streamedReplyOptions,
	userProperty,
} from '../common.descriptions';
import { forOperation } from '../node.type';

export const description: INodeProperties[] = forOperation('workflow', 'run', [
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
]);

interface Prepared {
	path: string;
	body: IDataObject;
	user: string;
	files: FileSpec[];
	options: ReplyOptions;
	simplify: boolean;
}

export const run: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const user = requireString(node, i, 'User', this.getNodeParameter('user', i, '')).trim();
		const inputs = readInputs(this, i);
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const responseMode = String(additional.responseMode ?? 'streaming');
		if (responseMode !== 'streaming' && responseMode !== 'blocking') {
			throw invalid(
				node,
				i,
				'Response Mode',
				`must be streaming or blocking, got "${responseMode}"`,
			);
		}
		const workflowId = optionalText(additional.workflowId);
		const path = workflowId
			? `/workflows/${encodeURIComponent(requireUuid(node, i, 'Workflow ID', workflowId))}/run`
			: '/workflows/run';
		const fileRows = ((additional.files as IDataObject | undefined)?.file ?? []) as IDataObject[];
		return {
			path,
			body: { inputs, user, response_mode: responseMode },
			user,
			files: readFiles(this, i, fileRows),
			options: readReplyOptions(this, i),
			simplify: this.getNodeParameter('simplify', i, false) === true,
		};
	},

	async execute(this: IExecuteFunctions, i, prepared) {
		const { user, files } = prepared;
		const body: IDataObject = { ...prepared.body };
		if (files.length > 0) body.files = await fileReferences(this, i, user, files);
		const result = await runStreamedCall(this, i, {
			path: prepared.path,
			body,
			user,
			mode: 'workflow',
			stopPath: (taskId) => `/workflows/tasks/${encodeURIComponent(taskId)}/stop`,
			shape: prepared.simplify ? simplifiedWorkflow : workflowItem,
			options: prepared.options,
		});
		return prepared.simplify ? simplifiedWorkflow(result) : workflowItem(result);
	},
};
