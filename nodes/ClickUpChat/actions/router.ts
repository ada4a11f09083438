import type { OperationTable } from '../../common/items';
import { createDirectMessage } from './channel/createDirectMessage.operation';
import { create } from './message/create.operation';
import type { ClickUpChatMap } from './node.type';

/** Every resource and operation of the node and its implementation (checked against the map by tsc). */
export const operations: OperationTable<ClickUpChatMap> = {
	channel: { createDirectMessage },
	message: { create },
};
