import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { simplifiedReply } from '../../helpers/outputs';
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
			filesField,
			{
				displayName: 'Query',
				name: 'query',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description:
					"The text to process, for older Text Generator apps. Newer apps take it as one of the Inputs (the app's variable, often named query).",
			},
			{
				displayName: 'Response Mode',
				name: 'responseMode',
				type: 'options',
				options: [
					{
						name: 'Streaming',
						value: 'streaming',
						description: 'Not cut off on long texts; the stream is aggregated into one item',
					},
					{
						name: 'Blocking',
						value: 'blocking',
						description: 'One JSON answer; Dify Cloud cuts it after 100 s',
					},
				],
				default: 'streaming',
			},
		],
	},
	...simplifyProperties,
	optionsCollection(streamedReplyOptions),
];

type Prepared = ReplyRequest;

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const request = readReplyRequest(this, i);
		const query = request.additional.query;
		if (typeof query === 'string' && query !== '') request.body.query = query;
		return request;
	},

	async execute(this: IExecuteFunctions, i, prepared) {
		const result = await runStreamedCall(this, i, {
			path: '/completion-messages',
			body: await bodyWithFiles(this, i, prepared),
			user: prepared.user,
			stopPath: (taskId) => `/completion-messages/${encodeURIComponent(taskId)}/stop`,
			mode: 'completion',
			// Text Generator replies have no workflow run, so a broken stream cannot be resumed.
			shape: prepared.simplify ? simplifiedReply : undefined,
			options: { ...prepared.options, resumeAttempts: 0 },
		});
		return prepared.simplify ? simplifiedReply(result) : (result as unknown as IDataObject);
	},
};
