import type { OperationTable } from '../../common/items';
import { getInfo } from './app/getInfo.operation';
import { getMeta } from './app/getMeta.operation';
import { getParameters } from './app/getParameters.operation';
import { getSuggested } from './chatMessage/getSuggested.operation';
import { send } from './chatMessage/send.operation';
import { deleteConversation } from './conversation/delete.operation';
import { getMany as getConversations } from './conversation/getMany.operation';
import { getMessages } from './conversation/getMessages.operation';
import { getVariables } from './conversation/getVariables.operation';
import { rename } from './conversation/rename.operation';
import { updateVariable } from './conversation/updateVariable.operation';
import { upload } from './file/upload.operation';
import { create as createFeedback } from './messageFeedback/create.operation';
import { getMany as getFeedbacks } from './messageFeedback/getMany.operation';
import type { DifyMap } from './node.type';

/** Every resource and operation of the node and its implementation (checked against the map by tsc). */
export const operations: OperationTable<DifyMap> = {
	chatMessage: { send, getSuggested },
	conversation: {
		getMany: getConversations,
		getMessages,
		rename,
		delete: deleteConversation,
		getVariables,
		updateVariable,
	},
	messageFeedback: { create: createFeedback, getMany: getFeedbacks },
	file: { upload },
	app: { getInfo, getParameters, getMeta },
};
