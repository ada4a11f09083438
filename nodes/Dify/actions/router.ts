import type { OperationTable } from '../../common/items';
import { getInfo as appGetInfo } from './app/getInfo.operation';
import { getMeta as appGetMeta } from './app/getMeta.operation';
import { getParameters as appGetParameters } from './app/getParameters.operation';
import { getSuggested as chatMessageGetSuggested } from './chatMessage/getSuggested.operation';
import { send as chatMessageSend } from './chatMessage/send.operation';
import { stop as chatMessageStop } from './chatMessage/stop.operation';
import { send as completionMessageSend } from './completionMessage/send.operation';
import { stop as completionMessageStop } from './completionMessage/stop.operation';
import { deleteConversation as conversationDelete } from './conversation/delete.operation';
import { getMany as conversationGetMany } from './conversation/getMany.operation';
import { getMessages as conversationGetMessages } from './conversation/getMessages.operation';
import { getVariables as conversationGetVariables } from './conversation/getVariables.operation';
import { rename as conversationRename } from './conversation/rename.operation';
import { updateVariable as conversationUpdateVariable } from './conversation/updateVariable.operation';
import { upload as fileUpload } from './file/upload.operation';
import { getForm as humanInputGetForm } from './humanInput/getForm.operation';
import { submit as humanInputSubmit } from './humanInput/submit.operation';
import { create as messageFeedbackCreate } from './messageFeedback/create.operation';
import { getMany as messageFeedbackGetMany } from './messageFeedback/getMany.operation';
import type { DifyMap } from './node.type';
import { getLogs as workflowGetLogs } from './workflow/getLogs.operation';
import { getRun as workflowGetRun } from './workflow/getRun.operation';
import { run as workflowRun } from './workflow/run.operation';
import { stop as workflowStop } from './workflow/stop.operation';

/** Every resource and operation of the node and its implementation (checked against the map by tsc). */
export const operations: OperationTable<DifyMap> = {
	chatMessage: {
		send: chatMessageSend,
		stop: chatMessageStop,
		getSuggested: chatMessageGetSuggested,
	},
	completionMessage: {
		send: completionMessageSend,
		stop: completionMessageStop,
	},
	humanInput: {
		getForm: humanInputGetForm,
		submit: humanInputSubmit,
	},
	workflow: {
		run: workflowRun,
		getRun: workflowGetRun,
		stop: workflowStop,
		getLogs: workflowGetLogs,
	},
	conversation: {
		getMany: conversationGetMany,
		getMessages: conversationGetMessages,
		rename: conversationRename,
		delete: conversationDelete,
		getVariables: conversationGetVariables,
		updateVariable: conversationUpdateVariable,
	},
	messageFeedback: {
		create: messageFeedbackCreate,
		getMany: messageFeedbackGetMany,
	},
	file: {
		upload: fileUpload,
	},
	app: {
		getInfo: appGetInfo,
		getParameters: appGetParameters,
		getMeta: appGetMeta,
	},
};
