import { operationDisplay } from '../../common/descriptions';

/** Dify's resources and their operations: the one source the node, router and operation files are typed by. */
export type DifyMap = {
	chatMessage: 'send' | 'stop' | 'getSuggested';
	completionMessage: 'send' | 'stop';
	humanInput: 'getForm' | 'submit';
	workflow: 'run' | 'getRun' | 'stop' | 'getLogs';
	conversation: 'getMany' | 'getMessages' | 'rename' | 'delete' | 'getVariables' | 'updateVariable';
	messageFeedback: 'create' | 'getMany';
	file: 'upload';
	app: 'getInfo' | 'getParameters' | 'getMeta';
};

/** Shows an operation file's properties only for its resource and operation. */
export const forOperation = operationDisplay<DifyMap>();
