import type { INodeProperties } from 'n8n-workflow';

import { optionalText } from '../../../common/validate';
import { simplifiedWorkflow, workflowItem } from '../../helpers/outputs';
import { checkPathId, PATH_IDS } from '../../helpers/parameters';
import { difyPaths, stopPaths } from '../../helpers/paths';
import type { ReplyRequest } from '../../helpers/replyRequest';
import { filesField, replyProperties, responseModeField } from '../common.descriptions';
import { replyOperation } from '../common.operations';

export const properties: INodeProperties[] = replyProperties([
	{
		...filesField,
		description:
			'Files for models with vision, from a URL or a binary field of the input item (uploaded first). File-type input variables go in Inputs (JSON) as Dify file objects.',
	},
	responseModeField(
		'Not cut off on long runs, reconnects when the connection drops, and reports a pause for Human Input. The run still comes out as one item.',
		'One answer once the run ends. Dify Cloud cuts it off after 100 s.',
	),
	{
		displayName: 'Workflow ID',
		name: 'workflowId',
		type: 'string',
		default: '',
		placeholder: '7c3e33d4-2a8b-4e5f-9b1a-d3c6e8f12345',
		description:
			'Run this published workflow version (its workflow_id) instead of the latest published one. Not available on the Dify Cloud Sandbox plan.',
	},
]);

export const operation = replyOperation<ReplyRequest & { path: string }>({
	prepare(ctx, i, request) {
		const workflowId = optionalText(request.additional.workflowId);
		const path = workflowId
			? difyPaths.workflowVersionRun(checkPathId(ctx.getNode(), i, PATH_IDS.workflow, workflowId))
			: '/workflows/run';
		return { ...request, path };
	},
	call: ({ path }) => ({ path, mode: 'workflow', stopPath: stopPaths.workflow }),
	simplified: simplifiedWorkflow,
	full: workflowItem,
});
