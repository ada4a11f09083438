import type { ResourceModules } from '../../common/router';
import * as chat from './chat/Chat.resource';
import * as chatMessage from './chatMessage/ChatMessage.resource';
import * as chatThread from './chatThread/ChatThread.resource';
import * as generativeChat from './generativeChat/GenerativeChat.resource';
import * as generativeMessage from './generativeMessage/GenerativeMessage.resource';

/** The node's resources, each with its Operation parameter and its operations. */
export const resources = {
	chat,
	chatMessage,
	chatThread,
	generativeChat,
	generativeMessage,
} satisfies ResourceModules;
