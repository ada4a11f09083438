import type { INodeProperties } from 'n8n-workflow';

import { optionalText, requireString } from '../../../common/validate';
import { simplifiedReply } from '../../helpers/outputs';
import { stopPaths } from '../../helpers/paths';
import { filesField, replyProperties, responseModeField } from '../common.descriptions';
import { replyOperation } from '../common.operations';

const queryProperty: INodeProperties = {
	displayName: 'Query',
	name: 'query',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	required: true,
	placeholder: 'What are the specs of the iPhone 13 Pro Max?',
	description: "The user's message to the app",
};

export const properties: INodeProperties[] = replyProperties(
	[
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
				'To continue a conversation, drag the conversation_id of an earlier answer here (sent with the same User). Leave empty to start a new conversation.',
		},
		filesField,
		responseModeField(
			'Works with every chat app and is not cut off on long answers. The reply still comes out as one item.',
			'One answer once the reply is complete. Agent apps refuse it, and Dify Cloud cuts it off after 100 s.',
		),
		{
			displayName: 'Workflow ID',
			name: 'workflowId',
			type: 'string',
			default: '',
			description:
				'Chatflow apps only: run this published workflow version instead of the latest one',
		},
	],
	[queryProperty],
);

export const operation = replyOperation({
	prepare(ctx, i, request) {
		const query = requireString(ctx.getNode(), i, 'Query', ctx.getNodeParameter('query', i, ''));
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
	call: () => ({ path: '/chat-messages', stopPath: stopPaths.chatMessage }),
	simplified: simplifiedReply,
});
