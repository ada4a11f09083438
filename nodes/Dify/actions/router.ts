import type { OperationTable } from '../../common/items';
import { send } from './chatMessage/send.operation';
import type { DifyMap } from './node.type';

/** Every resource and operation of the node and its implementation (checked against the map by tsc). */
export const operations: OperationTable<DifyMap> = {
	chatMessage: { send },
};
