import type { ResourceModules } from '../../common/router';
import * as chat from './chat/Chat.resource';
import * as message from './message/Message.resource';

/** The node's resources, each with its Operation parameter and its operations. */
export const resources = { chat, message } satisfies ResourceModules;
