import type { OperationTable } from '../../common/items';
import { createDirectMessage } from './channel/createDirectMessage.operation';
import { get as getChannel } from './channel/get.operation';
import { getAll as getAllChannels } from './channel/getAll.operation';
import { create as createMessage } from './message/create.operation';
import { getAll as getAllMessages } from './message/getAll.operation';
import { reply } from './message/reply.operation';
import type { ClickUpChatMap } from './node.type';

/** Every resource and operation of the node and its implementation (checked against the map by tsc). */
export const operations: OperationTable<ClickUpChatMap> = {
	channel: { createDirectMessage, get: getChannel, getAll: getAllChannels },
	message: { create: createMessage, getAll: getAllMessages, reply },
};
