import { operationDisplay } from '../../common/descriptions';

/** Gravity Rail's resources and their operations: the one source the node, router and operation files are typed by. */
export type GravityRailMap = {
	chat: 'create' | 'createDm' | 'get' | 'getMany' | 'update';
};

/** Shows an operation file's properties only for its resource and operation. */
export const forOperation = operationDisplay<GravityRailMap>();
