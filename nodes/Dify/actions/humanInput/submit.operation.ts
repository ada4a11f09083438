import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { requireString } from '../../../common/validate';
import { readInputs } from '../../helpers/inputs';
import { replyItem, simplifiedReply } from '../../helpers/outputs';
import { PATH_IDS, readPathId, readUser } from '../../helpers/parameters';
import { difyPaths, stopPaths } from '../../helpers/paths';
import { runStreamedCall } from '../../helpers/reply';
import type { ReplyOptions } from '../../helpers/replyRequest';
import { readReplyOptions } from '../../helpers/replyRequest';
import { difyProfile } from '../../transport';
import {
	formTokenProperty,
	inputsProperties,
	optionsCollection,
	simplifyProperties,
	streamedReplyOptions,
	userProperty,
	workflowRunIdProperty,
} from '../common.descriptions';

export const properties: INodeProperties[] = [
	formTokenProperty,
	{
		displayName: 'Action',
		name: 'action',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'approve',
		description:
			"The ID of the button the recipient chose, for example approve. The paused item lists the form's buttons in form.actions; Human Input → Get Form lists them in user_actions.",
	},
	{
		...userProperty,
		description:
			'The User that started the run (the same value as for the Send or Run that paused). Dify finds the run to continue only for that user.',
	},
	...inputsProperties.map((property) =>
		property.name === 'inputsFormat'
			? {
					...property,
					description:
						"How to give the form's inputs, by each input's output_variable_name. File inputs need Dify file objects: use JSON.",
				}
			: property,
	),
	{
		displayName: 'Continue the Run',
		name: 'continueRun',
		type: 'boolean',
		default: true,
		description:
			'Whether to follow the run after submitting and output its answer like Chat Message → Send (answer, status, workflow, and form when it pauses again). Off: output only that the form was submitted.',
	},
	{ ...workflowRunIdProperty, displayOptions: { show: { continueRun: [true] } } },
	...simplifyProperties,
	optionsCollection(streamedReplyOptions),
];

interface Prepared {
	formToken: string;
	body: IDataObject;
	user: string;
	workflowRunId?: string;
	options: ReplyOptions;
	simplify: boolean;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const formToken = readPathId(this, i, PATH_IDS.formToken);
		const action = requireString(node, i, 'Action', this.getNodeParameter('action', i, '')).trim();
		const user = readUser(this, i);
		const inputs = readInputs(this, i);
		const continueRun = this.getNodeParameter('continueRun', i, true) !== false;
		const workflowRunId = continueRun ? readPathId(this, i, PATH_IDS.workflowRun) : undefined;
		return {
			formToken,
			body: { inputs, action, user },
			user,
			workflowRunId,
			options: readReplyOptions(this, i),
			simplify: this.getNodeParameter('simplify', i, false) === true,
		};
	},

	async execute(this: IExecuteFunctions, i, prepared) {
		// A submission is one-shot (a second one answers 412): never sent twice.
		await apiRequest<IDataObject>(this, difyProfile, {
			method: 'POST',
			path: difyPaths.humanInputForm(prepared.formToken),
			body: prepared.body,
			itemIndex: i,
		});
		const { workflowRunId, user } = prepared;
		if (!workflowRunId) return { submitted: true, form_token: prepared.formToken };
		// `continue_on_pause` keeps Dify from closing the stream at the pause just answered; the
		// reader stops at the next pause that asks for a form, so its item carries that form.
		const result = await runStreamedCall(this, i, {
			method: 'GET',
			path: difyPaths.workflowEvents(workflowRunId),
			qs: { user, continue_on_pause: true },
			user,
			workflowRunId,
			// Chatflow runs stop through their chat task; Workflow runs through their workflow task.
			stopPath: (taskId, partial) =>
				partial.message_id ? stopPaths.chatMessage(taskId) : stopPaths.workflow(taskId),
			shape: prepared.simplify ? simplifiedReply : undefined,
			options: prepared.options,
		});
		return replyItem(result, prepared.simplify ? simplifiedReply : undefined);
	},
};
