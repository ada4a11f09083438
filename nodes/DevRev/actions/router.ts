import type { OperationTable } from '../../common/items';
import { create } from './chat/create.operation';
import { get } from './chat/get.operation';
import { update } from './chat/update.operation';
import { getMany } from './message/getMany.operation';
import { send } from './message/send.operation';
import type { DevRevMap } from './node.type';

/** Every resource and operation of the node and its implementation (checked against the map by tsc). */
export const operations: OperationTable<DevRevMap> = {
	chat: { create, get, update },
	message: { send, getMany },
};
