import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { invalid, optionalText, requireString } from '../../../common/validate';
import type { FileSpec } from '../../helpers/files';
import { fileReferences, readFiles } from '../../helpers/files';
import { readInputs } from '../../helpers/inputs';
import type { ReplyOptions } from '../../helpers/reply';
import { simplifiedReply } from '../../helpers/outputs';
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

export const description: INodeProperties[] = forOperation('chatMessage', 'send', [
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
]);

interface Prepared {
	body: IDataObject;
	user: string;
	files: FileSpec[];
	options: ReplyOptions;
	simplify: boolean;
}

export const send: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const query = requireString(node, i, 'Query', this.getNodeParameter('query', i, ''));
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
		const body: IDataObject = { query, inputs, user, response_mode: responseMode };
		const conversationId = optionalText(additional.conversationId);
		if (conversationId) body.conversation_id = conversationId;
		if (typeof additional.autoGenerateName === 'boolean')
			body.auto_generate_name = additional.autoGenerateName;
		const workflowId = optionalText(additional.workflowId);
		if (workflowId) body.workflow_id = workflowId;

		const fileRows = ((additional.files as IDataObject | undefined)?.file ?? []) as IDataObject[];
		const files = readFiles(this, i, fileRows);

		return {
			body,
			user,
			files,
			options: readReplyOptions(this, i),
			simplify: this.getNodeParameter('simplify', i, false) === true,
		};
	},

	async execute(this: IExecuteFunctions, i, prepared) {
		const { user, files } = prepared;
		const body: IDataObject = { ...prepared.body };
		if (files.length > 0) body.files = await fileReferences(this, i, user, files);
		const result = await runStreamedCall(this, i, {
			path: '/chat-messages',
			body,
			user,
			stopPath: (taskId) => `/chat-messages/${encodeURIComponent(taskId)}/stop`,
			shape: prepared.simplify ? simplifiedReply : undefined,
			options: prepared.options,
		});
		return prepared.simplify ? simplifiedReply(result) : (result as unknown as IDataObject);
	},
};
