import type { ResourceModules } from '../../common/router';
import * as chat from './chat/Chat.resource';
import * as chatMessage from './chatMessage/ChatMessage.resource';
import * as chatThread from './chatThread/ChatThread.resource';

/** The node's resources, each with its Operation parameter and its operations. */
export const resources = { chat, chatMessage, chatThread } satisfies ResourceModules;
