/**
 * What every jest file shares: the provider simulators (dev/simulator) started per file and reset
 * per test (useSimulator), and small helpers over output (allText, jsonOf).
 */
import type { INodeExecutionData } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('../dev/simulator');

export type Simulator = {
	baseUrl: string;
	requests: Array<{
		method: string;
		path: string;
		query: Record<string, unknown>;
		/** the query string as sent (`query` is coerced by the route's schema) */
		rawQuery?: string;
		headers: Record<string, string>;
		body: any;
		rejected?: string;
		route?: string;
		/** The kind of random fault this request drew (see `randomFaults`). */
		randomFault?: string;
		/** When the client hung up before the answer was sent (a cancel, a timeout). */
		clientGaveUpAt?: number;
		at: number;
	}>;
	state: any;
	start(): Promise<string>;
	stop(): Promise<void>;
	reset(opts?: { resetState?: boolean }): void;
	fault(
		match: { method?: string; path?: string | RegExp; times?: number },
		fault: Record<string, unknown>,
	): Simulator;
	randomFaults(
		options: {
			seed: number;
			match?: { method?: string; path?: string | RegExp };
			stallMs?: number;
			rates: Record<string, number>;
		} | null,
	): Simulator;
	calls(method?: string, pathPrefix?: string): Simulator['requests'];
};

export const providers = simulator.providers as Record<string, any>;

/** Start a provider's simulator for a jest file; reset recordings and faults before each test. */
export function useSimulator(name: string): { sim: Simulator } {
	const holder = {} as { sim: Simulator };
	beforeAll(async () => {
		holder.sim = new simulator.ProviderSimulator(providers[name]) as Simulator;
		await holder.sim.start();
	});
	afterAll(async () => holder.sim?.stop());
	beforeEach(() => holder.sim?.reset());
	return holder;
}

/** Every string anywhere inside a value (keys too), for "the secret appears nowhere" checks. */
export function allText(value: unknown): string {
	const seen = new WeakSet<object>();
	const parts: string[] = [];
	const walk = (v: unknown) => {
		if (v === null || v === undefined) return;
		if (typeof v === 'string') parts.push(v);
		else if (typeof v === 'number' || typeof v === 'boolean') parts.push(String(v));
		else if (typeof v === 'object') {
			if (seen.has(v as object)) return;
			seen.add(v as object);
			if (v instanceof Error) {
				parts.push(v.message, String(v.stack ?? ''));
			}
			for (const key of Object.getOwnPropertyNames(v)) {
				parts.push(key);
				try {
					walk((v as Record<string, unknown>)[key]);
				} catch {
					// getters that throw are not data
				}
			}
		}
	};
	walk(value);
	return parts.join('\n');
}

export function jsonOf(items: INodeExecutionData[]) {
	return items.map((i) => i.json);
}

// Deterministic PRNG (shared with the simulator) so a failing split can be reproduced from its seed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rng } = require('../dev/simulator/random') as { rng: (seed: number) => () => number };

/** Bytes cut into pieces of 1 to `maxChunk` bytes, the same for the same seed. */
export function splitRandomly(bytes: Buffer, seed: number, maxChunk: number): Buffer[] {
	const random = rng(seed);
	const chunks: Buffer[] = [];
	let offset = 0;
	while (offset < bytes.length) {
		const size = 1 + Math.floor(random() * maxChunk);
		chunks.push(bytes.subarray(offset, offset + size));
		offset += size;
	}
	return chunks;
}

/** The pieces as a stream that yields one per tick. */
export async function* asyncChunks<T>(chunks: T[]): AsyncGenerator<T> {
	for (const chunk of chunks) {
		await Promise.resolve();
		yield chunk;
	}
}
