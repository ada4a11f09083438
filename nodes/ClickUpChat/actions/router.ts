import type { ResourceModules } from '../../common/router';
import * as channel from './channel/Channel.resource';
import * as message from './message/Message.resource';
import * as reaction from './reaction/Reaction.resource';

/** The node's resources, each with its Operation parameter and its operations. */
export const resources = { channel, message, reaction } satisfies ResourceModules;
