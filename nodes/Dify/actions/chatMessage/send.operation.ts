import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { simplifiedReply } from '../../helpers/outputs';
import { optionalText, requireString } from '../../../common/validate';
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
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'What are the specs of the iPhone 13 Pro Max?',
		description: "The user's message to the app",
	},
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
				displayName: 'Auto Generate Name',
				name: 'autoGenerateName',
				type: 'boolean',
				default: true,
				description: 'Whether Dify generates a title for a new conversation',
			},
			{
				displayName: 'Conversation ID',
				name: 'conversationId',
				type: 'string',
				default: '',
				placeholder: '45701982-8118-4bc5-8e9b-64562b4555f2',
				description:
					'Continue this conversation: pass the conversation_id of an earlier answer (with the same User). Leave empty to start a new conversation.',
			},
			filesField,
			{
				displayName: 'Response Mode',
				name: 'responseMode',
				type: 'options',
				options: [
					{
						name: 'Streaming',
						value: 'streaming',
						description:
							'Works with every chat app type and is not cut off on long answers; the stream is aggregated into one item',
					},
					{
						name: 'Blocking',
						value: 'blocking',
						description:
							'One JSON answer. Agent apps refuse it and Dify Cloud cuts it after 100 s.',
					},
				],
				default: 'streaming',
			},
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				description:
					'Chatflow apps only: run this published workflow version instead of the latest one',
			},
		],
	},
	...simplifyProperties,
	optionsCollection(streamedReplyOptions),
];

type Prepared = ReplyRequest;

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const query = requireString(this.getNode(), i, 'Query', this.getNodeParameter('query', i, ''));
		const request = readReplyRequest(this, i);
		const { additional } = request;
		request.body = { query, ...request.body };
		const conversationId = optionalText(additional.conversationId);
		if (conversationId) request.body.conversation_id = conversationId;
		if (typeof additional.autoGenerateName === 'boolean')
			request.body.auto_generate_name = additional.autoGenerateName;
		const workflowId = optionalText(additional.workflowId);
		if (workflowId) request.body.workflow_id = workflowId;
		return request;
	},

	async execute(this: IExecuteFunctions, i, prepared) {
		const result = await runStreamedCall(this, i, {
			path: '/chat-messages',
			body: await bodyWithFiles(this, i, prepared),
			user: prepared.user,
			stopPath: (taskId) => `/chat-messages/${encodeURIComponent(taskId)}/stop`,
			shape: prepared.simplify ? simplifiedReply : undefined,
			options: prepared.options,
		});
		return prepared.simplify ? simplifiedReply(result) : (result as unknown as IDataObject);
	},
};
