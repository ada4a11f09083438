/**
 * What the ClickUp Chat tests share: the simulator's Workspaces and channels, the query as sent,
 * response schemas, the paging every list has, and the ClickUp Chat Trigger behind a real server
 * with the channel Automation that calls it.
 */
import Ajv from 'ajv';
import type { IDataObject } from 'n8n-workflow';

import { ClickUpChatApi } from '../../credentials/ClickUpChatApi.credentials';
import { ClickUpChatOAuth2Api } from '../../credentials/ClickUpChatOAuth2Api.credentials';
import { ClickUpChatTriggerApi } from '../../credentials/ClickUpChatTriggerApi.credentials';
import { ClickUpChatTrigger } from '../../nodes/ClickUpChat/ClickUpChatTrigger.node';
import type { NodeRun } from '../engine/runner';
import { startTriggerServer } from '../engine/webhook';
import type { TriggerServer, TriggerServerOptions } from '../engine/webhook';
import type { Simulator } from '../helpers';
import { providers } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = require('../../dev/simulator/schemas/clickup.json');

export const clickup = providers.clickup;
export const WS = '9012345678';
export const SIDE_WS = '9087654321';
/** The seeded #general channel of WS. */
export const GENERAL = '8cdu0general0001';

/** A picker's value given By ID (`value` may be an expression). */
export function byId(value: string) {
	return { __rl: true, mode: 'id', value };
}

/** The query string exactly as it was sent (the simulator's `query` is coerced by its schema). */
export function sentQuery(record: { rawQuery?: string }): Record<string, string | string[]> {
	const params = new URLSearchParams(record.rawQuery);
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(params.keys())) {
		const all = params.getAll(key);
		out[key] = all.length > 1 ? all : all[0];
	}
	return out;
}

/** Whether a value has the shape ClickUp documents for an answer (schemas/clickup.json). */
export function matchesResponse(operation: string, value: unknown): boolean {
	const ajv = new Ajv({ strict: false });
	ajv.addFormat('RichText', true);
	// shared shapes (the Channel object) are referenced from the file's $defs
	return ajv.compile({ ...schemas[operation].response, $defs: schemas.$defs })(value) as boolean;
}

/**
 * The paging every Chat list shares, as tests of the calling file: Return All follows the cursor
 * through 3 pages of 100, a Limit of 150 stops after 100 + 50, a repeating cursor stops with an
 * error. `seed(n)` adds n records and gives their keys in the order the list answers them.
 */
export function describePaging(
	ctx: { sim: Simulator },
	run: NodeRun,
	path: string,
	seed: (count: number) => string[],
	keyOf: (json: IDataObject) => string = (json) => String(json.id),
): void {
	test('Return All follows the cursor through 3 pages of 100', async () => {
		const expected = seed(230);
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => keyOf(item.json))).toEqual(expected);
		expect(result.items.every((item) => item.pairedItem !== undefined)).toBe(true);
		expect(ctx.sim.calls('GET', path).map(sentQuery)).toEqual([
			{ limit: '100' },
			{ limit: '100', cursor: clickup.encodeCursor(100) },
			{ limit: '100', cursor: clickup.encodeCursor(200) },
		]);
	});

	test('a Limit returns the first records and stops paging', async () => {
		const expected = seed(230);
		const result = await run({ returnAll: false, limit: 150 });
		expect(result.items.map((item) => keyOf(item.json))).toEqual(expected.slice(0, 150));
		expect(ctx.sim.calls('GET', path).map(sentQuery)).toEqual([
			{ limit: '100' },
			{ limit: '50', cursor: clickup.encodeCursor(100) },
		]);
	});

	test('a cursor that repeats stops with an error', async () => {
		seed(120);
		ctx.sim.state.repeatCursor = true;
		const result = await run({ returnAll: true });
		expect(result.error?.message).toMatch(/Paging through ClickUp stopped: the page cursor/);
		expect(ctx.sim.calls('GET', path)).toHaveLength(2);
	});
}

/** A ClickUp Chat Trigger behind a real HTTP server, reading through the file's simulator. */
export async function chatTrigger(
	sim: Simulator,
	parameters: Record<string, unknown> = {},
	extra: Partial<TriggerServerOptions> = {},
): Promise<TriggerServer> {
	return await startTriggerServer({
		node: new ClickUpChatTrigger(),
		parameters: { workspaceId: byId(WS), messageKind: 'all', options: {}, ...parameters },
		credentialTypes: [
			new ClickUpChatTriggerApi(),
			new ClickUpChatApi(),
			new ClickUpChatOAuth2Api(),
		],
		credentials: {
			clickUpChatTriggerApi: { headerName: clickup.TRIGGER_HEADER, secret: clickup.TRIGGER_SECRET },
			clickUpChatApi: { accessToken: clickup.TOKEN, baseUrl: sim.baseUrl },
		},
		...extra,
	} as TriggerServerOptions);
}

/** The channel Automation a user sets up as the trigger's notice says, calling `server`. */
export function automate(
	sim: Simulator,
	server: { url: string },
	options: { channelId?: string; headers?: Record<string, string>; url?: string } = {},
) {
	return clickup.addAutomation(sim.state, {
		channelId: options.channelId ?? GENERAL,
		url: options.url ?? `${server.url}?channel_id={{Channel ID}}&comment_id={{Comment ID}}`,
		headers: options.headers ?? { [clickup.TRIGGER_HEADER]: clickup.TRIGGER_SECRET },
	});
}

/** No Automations and no calls from earlier tests (the simulator's state lives for the file). */
export function resetAutomations(sim: Simulator): void {
	sim.state.automations = [];
	sim.state.automationCalls = [];
}
