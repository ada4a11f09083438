/** What the Gravity Rail tests share: the simulator's fixtures and the workspace paths. */
import { providers } from '../helpers';

export const gr = providers.gravityrail;
export const WS: string = gr.WORKSPACE_UUID;
export const CHATS = `/api/v2/w/${WS}/chats`;
export const DM = `${CHATS}/dm`;
export const MEMBERS = `/api/v2/w/${WS}/members`;
