import type { OperationTable } from '../../common/items';
import { send as chatMessageSend } from './chatMessage/send.operation';
import { stop as chatMessageStop } from './chatMessage/stop.operation';
import { send as completionMessageSend } from './completionMessage/send.operation';
import { stop as completionMessageStop } from './completionMessage/stop.operation';
import { getForm as humanInputGetForm } from './humanInput/getForm.operation';
import { submit as humanInputSubmit } from './humanInput/submit.operation';
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
};
