import type { ResourceModules } from '../../common/router';
import * as chatMessage from './chatMessage/ChatMessage.resource';

/** The node's resources, each with its Operation parameter and its operations. */
export const resources = { chatMessage } satisfies ResourceModules;
