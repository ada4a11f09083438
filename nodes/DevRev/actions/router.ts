import type { ResourceModules } from '../../common/router';
import * as chat from './chat/Chat.resource';
import * as conversation from './conversation/Conversation.resource';
import * as message from './message/Message.resource';
import * as reaction from './reaction/Reaction.resource';

/** The node's resources, each with its Operation parameter and its operations. */
export const resources = { chat, conversation, message, reaction } satisfies ResourceModules;
