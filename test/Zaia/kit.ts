/**
 * What the Zaia tests share: the simulator's fixtures and paths, a validator for Zaia's documented
 * response schemas, and a Zaia Trigger behind a real HTTP server for the simulator to call back.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import { ZaiaTrigger } from '../../nodes/Zaia/ZaiaTrigger.node';
import { startTriggerServer } from '../engine/webhook';
import type { TriggerServer } from '../engine/webhook';
import type { Simulator } from '../helpers';
import { providers } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const schemas = require('../../dev/simulator/schemas/zaia.json');

export const zaia = providers.zaia;
export const PATH = '/api/v1/chat-messages';
export const EXPORT = '/api/v1/chat-messages/export';
export const SECRET = 'trigger-secret-9f8e7d6c5b4a3210';

/** Ajv for the documented response schemas (`nullable` without `type` means "any value", so it is dropped). */
export function responseValidator(schema: unknown) {
	const clean = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(clean);
		if (value && typeof value === 'object') {
			const out: Record<string, unknown> = {};
			for (const [key, entry] of Object.entries(value)) {
				if (key === 'nullable' && !('type' in value)) continue;
				out[key] = clean(entry);
			}
			return out;
		}
		return value;
	};
	const ajv = new Ajv({ strict: false, allErrors: true });
	addFormats(ajv);
	return ajv.compile(clean(schema) as object);
}

/** The simulator's export callbacks as a fresh test expects them: none yet, JSON, after 30 ms. */
export function resetCallbacks(sim: Simulator): void {
	sim.state.callbacks = [];
	sim.state.downloads = [];
	sim.state.callbackForm = 'json';
	sim.state.callbackDelayMs = 30;
}

/** A Zaia Trigger (version 1, Secret in the node) behind a real HTTP server. */
export async function trigger(
	parameters: Record<string, unknown> = {},
	secret = SECRET,
): Promise<TriggerServer> {
	return await startTriggerServer({
		node: new ZaiaTrigger(),
		parameters: { secret, downloadFile: false, options: {}, ...parameters },
	});
}

/** The callbacks the simulator made to URLs starting with `prefix`. */
export async function waitForCallbacks(sim: Simulator, prefix: string, count = 1) {
	const deadline = Date.now() + 5000;
	const mine = () => sim.state.callbacks.filter((c: { url: string }) => c.url.startsWith(prefix));
	while (mine().length < count) {
		if (Date.now() > deadline) throw new Error('the simulator made no callback');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	return mine();
}
