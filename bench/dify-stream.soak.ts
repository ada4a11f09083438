/**
 * Dify stream soak: SOAK_DIFY_ITEMS items (400) at Concurrency 16 through n8n-core's engine (Dify →
 * Chat Message → Send, streaming, Continue On Fail) to the simulator, each item's reply drawn at
 * random (seeded): composed answers and recorded fixtures, connections dropped mid-stream (a
 * Chatbot's: failed; a Chatflow's: reopened and whole), slow drips, streams that stall past the
 * Timeout, ping forever (Max Duration) or grow past Max Answer Size, one event past the reader's
 * 64 Mi-character bound, error events, 500s, and resets before or after the headers. Proves that
 * every item ends in its answer or in a structured error of the kind its scenario allows (code,
 * retryable, partial answer a prefix of the whole), that Dify is asked to stop every reply the
 * node gave up on, that memory stays bounded and that no socket or timer is left open.
 *
 *   npm run soak                     (SOAK_DIFY_ITEMS, SOAK_SEED to vary)
 */
import type { IDataObject } from 'n8n-workflow';

import { DifyApi } from '../credentials/DifyApi.credentials';
import { aggregateDifyStream } from '../nodes/Dify/helpers/stream/reader';
import { Dify } from '../nodes/Dify/Dify.node';
import { runNode } from '../test/engine/harness';
import { providers, useSimulator } from '../test/helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rng } = require('../dev/simulator/random') as { rng: (seed: number) => () => number };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { blocksOf } = require('../dev/simulator/dify/stream') as {
	blocksOf: (bytes: Buffer) => Array<{ end: number; event: IDataObject | null }>;
};

const ITEMS = Number(process.env.SOAK_DIFY_ITEMS || 400);
const SEED = Number(process.env.SOAK_SEED || 20261201);
const CONCURRENCY = 16;
const OPTIONS = {
	concurrency: CONCURRENCY,
	timeout: 1500, // ms of silence
	maxDuration: 3, // s for the whole reply
	maxAnswerSize: 1, // MB
	resumeAttempts: 2,
};
/** Heap growth allowed: two 64 MiB events and n8n's run data of every item (measured 115-135 MB here). */
const HEAP_BOUND_MB = 400;

type Scenario =
	| 'composed'
	| 'fixture'
	| 'chatbotCut'
	| 'chatflowCut'
	| 'drip'
	| 'stall'
	| 'pings'
	| 'flood'
	| 'oversize'
	| 'errorEvent'
	| 'http500';

/** How often each scenario is drawn (the rest: composed answers); oversize is placed, not drawn. */
const RATES: Array<[Scenario, number]> = [
	['fixture', 0.15],
	['chatbotCut', 0.08],
	['chatflowCut', 0.08],
	['drip', 0.08],
	['stall', 0.04],
	['pings', 0.04],
	['flood', 0.04],
	['errorEvent', 0.04],
	['http500', 0.03],
];
/** Random transport faults on top (the simulator draws them per request, seeded). */
const TRANSPORT_RATES = { resetBeforeHeaders: 0.02, resetAfterHeaders: 0.02 };

const FIXTURES = providers.dify.FIXTURES as Record<string, Buffer>;
/**
 * A Chatflow reply cut inside one of its events after the first that names the run (before it,
 * the reply cannot be reopened) and before the terminal ones (so it must be reopened).
 */
const CHATFLOW = 'advanced-chat-iteration';
const chatflowBlocks = blocksOf(FIXTURES[CHATFLOW]);
const chatflowCuts = chatflowBlocks
	.slice(
		chatflowBlocks.findIndex((block) => typeof block.event?.workflow_run_id === 'string') + 1,
		chatflowBlocks.findIndex((block) => block.event?.event === 'message_end'),
	)
	.map((block) => block.end - 3);

const dify = providers.dify;
const ctx = useSimulator('dify');

function activeHandles(): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
	return counts;
}

interface Plan {
	scenario: Scenario;
	query: string;
}

function plan(): Plan[] {
	const random = rng(SEED);
	const plans: Plan[] = [];
	const oversizeAt = new Set([Math.floor(ITEMS / 4), Math.floor((3 * ITEMS) / 4)]);
	for (let n = 0; n < ITEMS; n++) {
		let scenario: Scenario = 'composed';
		let roll = random();
		for (const [kind, rate] of RATES) {
			if (roll < rate) {
				scenario = kind;
				break;
			}
			roll -= rate;
		}
		if (oversizeAt.has(n)) scenario = 'oversize';
		const query = {
			composed: `What are the specs of the iPhone 13 Pro Max? (soak #${n})`,
			fixture: `soak #${n} sim:chat-unicode`,
			chatbotCut: `soak #${n} sim:chat-unicode +cut`,
			chatflowCut: `soak #${n} sim:${CHATFLOW} +fresh +cut@${chatflowCuts[Math.floor(random() * chatflowCuts.length)]}`,
			drip: `soak #${n} sim:chat-basic +drip`,
			stall: `soak #${n} sim:chat-unicode +stall@150`,
			pings: `soak #${n} sim:pings`,
			flood: `soak #${n} sim:flood`,
			oversize: `soak #${n} sim:oversize`,
			errorEvent: `soak #${n} sim:error-event`,
			http500: `soak #${n} sim:http-500`,
		}[scenario];
		plans.push({ scenario, query });
	}
	return plans;
}

/** The codes a failed item of each scenario may carry (any scenario may meet a transport fault). */
const TRANSPORT_CODES = ['ECONNRESET', 'stream_interrupted', 'incomplete_stream', 'EPIPE'];
const ALLOWED: Record<Scenario, string[]> = {
	composed: [],
	fixture: [],
	chatbotCut: ['incomplete_stream', 'stream_interrupted'],
	chatflowCut: [],
	drip: ['max_duration_exceeded'],
	stall: ['stream_interrupted', 'incomplete_stream'],
	pings: ['max_duration_exceeded'],
	flood: ['max_answer_size_exceeded'],
	oversize: ['stream_interrupted'],
	errorEvent: ['completion_request_error'],
	http500: ['internal_server_error'],
};

test(`${ITEMS} Dify streams, Concurrency ${CONCURRENCY}, drops, drips, stalls, floods, oversize events: every item accounted for`, async () => {
	const plans = plan();
	const expected: Record<string, string> = {
		fixture: (await aggregateDifyStream([FIXTURES['chat-unicode']])).answer,
		chatflowCut: (await aggregateDifyStream([FIXTURES[CHATFLOW]])).answer,
		drip: (await aggregateDifyStream([FIXTURES['chat-basic']])).answer,
		errorEvent: (await aggregateDifyStream([FIXTURES['error-event']])).answer,
	};

	const unhandled: unknown[] = [];
	const onUnhandled = (reason: unknown) => unhandled.push(reason);
	process.on('unhandledRejection', onUnhandled);
	const before = activeHandles();
	const heapStart = process.memoryUsage().heapUsed;
	let heapPeak = heapStart;
	const sampler = setInterval(() => {
		heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
	}, 25);

	ctx.sim.reset({ resetState: true });
	ctx.sim.randomFaults({
		seed: SEED,
		match: { method: 'POST', path: /^\/chat-messages$/ },
		rates: TRANSPORT_RATES,
	});
	const started = Date.now();
	const result = await runNode({
		node: new Dify(),
		credentialTypes: [new DifyApi()],
		credentials: { difyApi: { apiKey: dify.TOKEN, baseUrl: ctx.sim.baseUrl } },
		parameters: {
			resource: 'chatMessage',
			operation: 'send',
			query: '={{ $json.query }}',
			user: 'soak-user',
			options: OPTIONS,
		},
		items: plans.map(({ query }) => ({ query })),
		continueOnFail: true,
	});
	const seconds = (Date.now() - started) / 1000;
	ctx.sim.randomFaults(null);
	clearInterval(sampler);
	heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
	const requests = ctx.sim.requests;
	const stops = [...ctx.sim.state.stops] as Array<{ task_id: string }>;
	await ctx.sim.stop();
	// the node's sleeps run in 100 ms slices: let the last ones end
	await new Promise((resolve) => setTimeout(resolve, 300));
	const after = activeHandles();
	process.off('unhandledRejection', onUnhandled);

	const sends = requests.filter((r) => r.method === 'POST' && r.path === '/chat-messages');
	const byQuery = new Map<string, Array<(typeof sends)[number]>>();
	for (const request of sends) {
		const list = byQuery.get(request.body.query) ?? [];
		list.push(request);
		byQuery.set(request.body.query, list);
	}
	const tally: Record<string, Record<string, number>> = {};
	const problems: string[] = [];
	const items = result.items;
	for (const [n, item] of items.entries()) {
		const { scenario, query } = plans[n];
		const json = item.json as IDataObject;
		const sent = byQuery.get(query) ?? [];
		const faulted = sent.some((r) => r.randomFault);
		const failed = typeof json.error === 'string';
		const outcome = !failed ? 'answer' : String(json.code ?? `HTTP ${json.httpCode}`);
		tally[scenario] = tally[scenario] ?? {};
		tally[scenario][outcome] = (tally[scenario][outcome] ?? 0) + 1;
		if (item.pairedItem === undefined || (item.pairedItem as unknown as IDataObject).item !== n)
			problems.push(`#${n}: pairedItem ${JSON.stringify(item.pairedItem)}`);
		if (!failed) {
			const whole =
				scenario === 'composed'
					? (await aggregateDifyStream([(sent[0] as unknown as { sseBytes: Buffer }).sseBytes]))
							.answer
					: expected[scenario];
			if (json.status !== 'succeeded' || json.answer !== whole)
				problems.push(
					`#${n} ${scenario}: answer ${JSON.stringify(String(json.answer).slice(0, 80))}`,
				);
			if (!['composed', 'fixture', 'chatflowCut', 'drip'].includes(scenario))
				problems.push(`#${n} ${scenario}: succeeded`);
			if (scenario === 'chatflowCut' && json.resumed !== 1)
				problems.push(`#${n} chatflowCut: resumed ${String(json.resumed)}`);
			continue;
		}
		// a structured error: a code the scenario allows, retryable said, no secret
		const allowed = [...ALLOWED[scenario], ...(faulted ? TRANSPORT_CODES : [])];
		if (typeof json.code !== 'string' || !allowed.includes(json.code))
			problems.push(
				`#${n} ${scenario}: code ${String(json.code)} (${String(json.error)}; ${String(json.errorDescription)})`,
			);
		if (typeof json.retryable !== 'boolean') problems.push(`#${n}: retryable missing`);
		if (JSON.stringify(json).includes(dify.TOKEN))
			problems.push(`#${n}: the API key is in the item`);
		// what a failed stream kept is the start of the whole answer, never more
		const whole = expected[scenario];
		if (whole !== undefined && typeof json.answer === 'string' && !whole.startsWith(json.answer))
			problems.push(`#${n} ${scenario}: partial answer is not a prefix`);
		if (scenario === 'flood' && String(json.answer ?? '').length > 1024 * 1024 + 256 * 1024)
			problems.push(`#${n} flood: kept ${String(json.answer).length} characters`);
		// the node asked Dify to stop every reply it gave up on
		if (
			['max_duration_exceeded', 'max_answer_size_exceeded'].includes(String(json.code)) &&
			!stops.some((s) => s.task_id === json.task_id)
		)
			problems.push(`#${n} ${scenario}: task ${String(json.task_id)} not stopped`);
	}
	const floods = sends.filter((r) => /sim:flood/.test(r.body.query) && !r.randomFault);
	const flooded = Math.max(
		0,
		...floods.map((r) => (r as unknown as { sentBytes?: number }).sentBytes ?? 0),
	);
	const heapGrowthMb = (heapPeak - heapStart) / 1024 / 1024;
	const drawn: Record<string, number> = {};
	for (const request of sends)
		drawn[request.randomFault ?? 'none'] = (drawn[request.randomFault ?? 'none'] ?? 0) + 1;
	console.log(
		[
			`dify stream soak: ${ITEMS} items, concurrency ${CONCURRENCY}, seed ${SEED}: ${seconds.toFixed(1)} s`,
			`  sends ${sends.length} (transport faults ${JSON.stringify(drawn)}), reopened streams ${requests.filter((r) => r.path.startsWith('/workflow/')).length}, stops ${stops.length}`,
			...Object.entries(tally).map(
				([scenario, counts]) => `  ${scenario}: ${JSON.stringify(counts)}`,
			),
			`  most a flood sent before the node stopped it: ${(flooded / 1048576).toFixed(1)} MiB (of 64)`,
			`  peak heap growth ${heapGrowthMb.toFixed(1)} MB (bound ${HEAP_BOUND_MB} MB)`,
			`  handles before ${JSON.stringify(before)} after ${JSON.stringify(after)}`,
		].join('\n'),
	);

	expect(result.error).toBeUndefined();
	expect(items).toHaveLength(ITEMS);
	expect(problems).toEqual([]);
	// every misbehaviour really happened in this run, and the happy paths too
	for (const scenario of Object.keys(ALLOWED)) expect(tally[scenario]).toBeDefined();
	expect(tally.composed.answer).toBeGreaterThan(0);
	expect(tally.chatflowCut.answer).toBeGreaterThan(0);
	for (const kind of Object.keys(TRANSPORT_RATES)) expect(drawn[kind] ?? 0).toBeGreaterThan(0);
	// a flood is cut off near Max Answer Size, not read to its 64 MiB
	expect(flooded).toBeLessThan(16 * 1024 * 1024);

	expect(unhandled).toEqual([]);
	for (const kind of ['TCPSocketWrap', 'TCPServerWrap', 'Timeout']) {
		expect(after[kind] ?? 0).toBeLessThanOrEqual(before[kind] ?? 0);
	}
	expect(heapGrowthMb).toBeLessThan(HEAP_BOUND_MB);
});
