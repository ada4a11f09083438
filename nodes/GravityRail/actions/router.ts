import type { OperationTable } from '../../common/items';
import { create } from './chat/create.operation';
import { createDm } from './chat/createDm.operation';
import { get } from './chat/get.operation';
import { getMany } from './chat/getMany.operation';
import { update } from './chat/update.operation';
import type { GravityRailMap } from './node.type';

/** Every resource and operation of the node and its implementation (checked against the map by tsc). */
export const operations: OperationTable<GravityRailMap> = {
	chat: { create, createDm, get, getMany, update },
};
