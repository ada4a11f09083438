import { operationDisplay } from '../../common/descriptions';

/** ClickUp Chat's resources and their operations: the one source the node, router and operation files are typed by. */
export type ClickUpChatMap = {
	channel: 'createDirectMessage' | 'get' | 'getAll';
	message: 'create' | 'getAll' | 'reply';
};

/** Shows an operation file's properties only for its resource and operation. */
export const forOperation = operationDisplay<ClickUpChatMap>();
