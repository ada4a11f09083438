import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import { DifyApi } from '../../credentials/DifyApi.credentials';
import { aggregateDifyStream } from '../../nodes/Dify/helpers/stream/reader';
import { Dify } from '../../nodes/Dify/Dify.node';
import { runNode } from '../engine/harness';
import type { RunOptions } from '../engine/harness';
import type { Simulator } from '../helpers';
import { providers } from '../helpers';

export const dify = providers.dify;
export const TOKEN: string = dify.TOKEN;

export function fixtureBytes(name: string): Buffer {
	return readFileSync(join(__dirname, '..', '..', 'dev', 'simulator', 'fixtures', 'dify', name));
}

/** What the aggregation gives for a fixture read in one piece: the reference the HTTP runs must match. */
export async function expectedItem(
	name: string,
	options: { keepEvents?: boolean; includeTts?: boolean } = {},
): Promise<IDataObject> {
	return (await aggregateDifyStream(
		[fixtureBytes(`${name}.sse`)],
		options,
	)) as unknown as IDataObject;
}

export function runDify(
	sim: Simulator,
	parameters: Record<string, unknown>,
	extra: Partial<RunOptions> = {},
) {
	return runNode({
		node: new Dify(),
		credentialTypes: [new DifyApi()],
		credentials: { difyApi: { apiKey: TOKEN, baseUrl: sim.baseUrl } },
		parameters: { resource: 'chatMessage', operation: 'send', user: 'user-42', ...parameters },
		...extra,
	});
}

/** Polls until `check` is true; the bound is generous (the machine is shared), never an assertion of speed. */
export async function waitFor(
	check: () => boolean,
	what: string,
	timeoutMs = 30_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

export const chatCalls = (sim: Simulator) =>
	sim.calls('POST', '/chat-messages').filter((r) => r.path === '/chat-messages');
