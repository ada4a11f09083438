import { operationDisplay } from '../../common/descriptions';

/** Zaia's resources and their operations: the one source the node, router and operation files are typed by. */
export type ZaiaMap = {
	chatMessage: 'create' | 'export' | 'getAll';
};

/** Shows an operation file's properties only for its resource and operation. */
export const forOperation = operationDisplay<ZaiaMap>();
