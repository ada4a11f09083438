import type { INodeProperties } from 'n8n-workflow';

import { simplifiedReply } from '../../helpers/outputs';
import { stopPaths } from '../../helpers/paths';
import { filesField, replyProperties, responseModeField } from '../common.descriptions';
import { replyOperation } from '../common.operations';

export const properties: INodeProperties[] = replyProperties([
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
	responseModeField(
		'Not cut off on long texts. The text still comes out as one item.',
		'One answer once the text is complete. Dify Cloud cuts it off after 100 s.',
	),
]);

export const operation = replyOperation({
	prepare(_ctx, _i, request) {
		const query = request.additional.query;
		if (typeof query === 'string' && query !== '') request.body.query = query;
		return request;
	},
	call: () => ({
		path: '/completion-messages',
		mode: 'completion',
		stopPath: stopPaths.completionMessage,
		// Text Generator replies have no workflow run, so a broken stream cannot be resumed.
		options: { resumeAttempts: 0 },
	}),
	simplified: simplifiedReply,
});
