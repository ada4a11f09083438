import type { ResourceModules } from '../../common/router';
import * as chat from './chat/Chat.resource';
import * as member from './member/Member.resource';

/** The node's resources, each with its Operation parameter and its operations. */
export const resources = { chat, member } satisfies ResourceModules;
