/**
 * What `node bench/profile.js` profiles: the ClickUp Chat node (Message → Send) over 1000 items,
 * five times, through n8n-core's engine against the simulator. Not a test of anything: a workload.
 */
import { ClickUpChatApi } from '../credentials/ClickUpChatApi.credentials';
import { ClickUpChat } from '../nodes/ClickUpChat/ClickUpChat.node';
import { runNode } from '../test/engine/harness';
import { openChannel, WORKSPACE } from './clickup';
import { providers, useSimulator } from '../test/helpers';

const ctx = useSimulator('clickup');
const ITEMS = Number(process.env.PROFILE_ITEMS ?? 1000);
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.PROFILE_CONCURRENCY ?? 1);

test('workload: ClickUp Chat Message → Send over many items', async () => {
	const credentials = {
		clickUpChatApi: { accessToken: providers.clickup.TOKEN, baseUrl: ctx.sim.baseUrl },
	};
	const channelId = await openChannel(ctx.sim.baseUrl);
	for (let round = 0; round < ROUNDS; round++) {
		ctx.sim.reset();
		const result = await runNode({
			node: new ClickUpChat(),
			credentialTypes: [new ClickUpChatApi()],
			credentials,
			parameters: {
				resource: 'message',
				operation: 'send',
				workspaceId: { __rl: true, mode: 'id', value: WORKSPACE },
				channelId,
				content: '={{ "bench #" + $json.n }}',
				options: { concurrency: CONCURRENCY },
			},
			items: Array.from({ length: ITEMS }, (_, i) => ({ n: i })),
			checkOutputSchema: false,
		});
		expect(result.items).toHaveLength(ITEMS);
	}
});
