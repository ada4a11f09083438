import { operationDisplay } from '../../common/descriptions';

/** DevRev's resources and their operations: the one source the node, router and operation files are typed by. */
export type DevRevMap = {
	chat: 'create' | 'get' | 'update';
	message: 'send' | 'getMany';
};

/** Shows an operation file's properties only for its resource and operation. */
export const forOperation = operationDisplay<DevRevMap>();
