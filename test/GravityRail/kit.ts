/**
 * What the Gravity Rail tests share: the simulator's fixtures and the workspace paths, and the
 * Gravity Rail Trigger behind a real server with the Event Rule that calls it.
 */
import type { IDataObject } from 'n8n-workflow';

import { GravityRailTriggerApi } from '../../credentials/GravityRailTriggerApi.credentials';
import { GravityRailTrigger } from '../../nodes/GravityRail/GravityRailTrigger.node';
import { startTriggerServer } from '../engine/webhook';
import type { TriggerServer, TriggerServerOptions } from '../engine/webhook';
import type { Simulator } from '../helpers';
import { providers } from '../helpers';

export const gr = providers.gravityrail;
export const WS: string = gr.WORKSPACE_UUID;
export const CHATS = `/api/v2/w/${WS}/chats`;
export const DM = `${CHATS}/dm`;
export const MEMBERS = `/api/v2/w/${WS}/members`;

/** A Gravity Rail Trigger behind a real HTTP server; `credential` replaces the demo secret. */
export async function gravityTrigger(
	parameters: Record<string, unknown> = {},
	credential: IDataObject = { secret: gr.TRIGGER_SECRET, requireSignature: true },
	extra: Partial<TriggerServerOptions> = {},
): Promise<TriggerServer> {
	return await startTriggerServer({
		node: new GravityRailTrigger(),
		parameters: { events: ['all'], eventNames: '', options: {}, ...parameters },
		credentialTypes: [new GravityRailTriggerApi()],
		credentials: { gravityRailTriggerApi: credential },
		...extra,
	} as TriggerServerOptions);
}

/** The Event Rule a user sets up as the trigger's notice says, calling `server`. */
export function eventRule(
	sim: Simulator,
	server: { url: string },
	options: { secret?: string | null; signed?: boolean; events?: string[] } = {},
): { id: number; uuid: string; name: string; secret: string | null } {
	return gr.addEventRule(sim.state, {
		url: server.url,
		secret: options.secret === undefined ? gr.TRIGGER_SECRET : options.secret,
		signed: options.signed,
		events: options.events,
	});
}

/**
 * No rules and no calls from earlier tests (the simulator's state lives for the file, so their
 * deliveries are waited out first); retries 10 ms apart instead of 10 s.
 */
export async function resetEventRules(sim: Simulator): Promise<void> {
	await gr.webhooksSettled(sim.state);
	sim.state.eventRules = [];
	sim.state.webhookCalls = [];
	sim.state.webhookRetry = { delayMs: 10 };
}

/** A body as an Event Rule sends it, and the header that signs it at `t` (Unix seconds). */
export function signedCall(
	body: IDataObject,
	options: { secret?: string; t?: number } = {},
): { body: string; signature: string } {
	const text = JSON.stringify({
		eventRule: { id: 700, uuid: '0d7c3d38-6f1e-4a55-9a36-4a1f2f5f0a01', name: 'Manual rule' },
		workspace: { uuid: WS, name: gr.WORKSPACE.name },
		...body,
	});
	const t = options.t ?? Math.floor(Date.now() / 1000);
	return { body: text, signature: gr.sign(options.secret ?? gr.TRIGGER_SECRET, t, text) };
}

/** POST to the trigger as Gravity Rail does; `signature` undefined: no header. */
export async function post(url: string, body: string, signature?: string): Promise<Response> {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signature !== undefined) headers['x-webhook-signature'] = signature;
	return await fetch(url, { method: 'POST', headers, body });
}
