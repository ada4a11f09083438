/** What the ClickUp benchmarks share: a Direct Message channel to send into, opened through the node. */
import { ClickUpChatApi } from '../credentials/ClickUpChatApi.credentials';
import { ClickUpChat } from '../nodes/ClickUpChat/ClickUpChat.node';
import { runNode } from '../test/engine/harness';
import { providers } from '../test/helpers';

export const WORKSPACE = '9012345678';

/** Opens (or finds) a Direct Message with user 183 in the simulated ClickUp; returns its channel id. */
export async function openChannel(baseUrl: string): Promise<string> {
	const dm = await runNode({
		node: new ClickUpChat(),
		credentialTypes: [new ClickUpChatApi()],
		credentials: { clickUpChatApi: { accessToken: providers.clickup.TOKEN, baseUrl } },
		parameters: {
			resource: 'channel',
			operation: 'createDirectMessage',
			workspaceId: { __rl: true, mode: 'id', value: WORKSPACE },
			userIds: '183',
		},
	});
	const json = dm.items[0].json as { id?: string; data?: { id: string } };
	return String(json.id ?? json.data?.id);
}
