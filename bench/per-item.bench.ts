/**
 * Per-item cost of an action node against what users pick instead, all in one run:
 *   - the ClickUp Chat node (Message → Create) through n8n-core's engine,
 *   - n8n's own HTTP Request node (from an installed n8n whose n8n-workflow matches ours) sending
 *     the same requests through the same engine,
 *   - a raw keep-alive HTTP client,
 * for N = 200 and 1000 items against the simulator, printing ms per item and the ratios to raw;
 * then 100 items at 50 ms latency with Concurrency 1, 10 and 32.
 *
 *   npm run bench         (part of it; N8N_HOST_DIR=… picks the n8n for the HTTP Request node)
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';

import type { IExecuteFunctions, INodeType } from 'n8n-workflow';

import { ClickUpChatApi } from '../credentials/ClickUpChatApi.credentials';
import { ClickUpChat } from '../nodes/ClickUpChat/ClickUpChat.node';
import { holdsExpression } from '../nodes/common/scope';
import { runNode } from '../test/engine/harness';
import { providers, useSimulator } from '../test/helpers';
import { openChannel, WORKSPACE } from './clickup';

const clickup = providers.clickup;
const ctx = useSimulator('clickup');
const root = path.resolve(__dirname, '..');
/**
 * Targets (issue 22), each printed as `target: <name> <value> <limit> PASS|FAIL`:
 * - own-share: the package's own share of an item at N = 1000, Concurrency 1 — the node's
 *   execute() minus n8n's request helper and minus n8n evaluating the workflow's expressions (the
 *   `={{ … }}` of the Content parameter, which n8n evaluates per item for any node, the HTTP
 *   Request node's JSON body alike) — over the node's whole time per item;
 * - c32-vs-c1: at zero latency, Concurrency 32 costs no more per item than Concurrency 1;
 * - node-vs-http-credential: the node (Concurrency 32) against n8n's HTTP Request node using the
 *   same ClickUp credential (predefined credential type, so that it too goes through n8n's
 *   authenticated request helper), at N = 200 and 1000; the plain-header HTTP Request node is a
 *   second, informational line;
 * - speedup-32-at-50ms: Concurrency 32 at least 5x faster than Concurrency 1 at 50 ms latency.
 * Every measurement is taken BENCH_RUNS times (default 3), interleaved; the best of each is judged.
 */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const MAX_OWN_SHARE = 0.1;
const MAX_C32_TO_C1 = 1.0;
const MAX_NODE_TO_HTTP_NODE = 1.0;
const MIN_SPEEDUP_32 = 5;

/** n8n's HTTP Request node (v4.2) from an installed n8n whose n8n-workflow is the one we run. */
function httpRequestNode(): { node: INodeType; from: string } | undefined {
	const ours = require('n8n-workflow/package.json').version as string;
	const candidates = process.env.N8N_HOST_DIR
		? [path.resolve(process.env.N8N_HOST_DIR)]
		: fs.existsSync(path.join(root, '.n8n-host'))
			? fs.readdirSync(path.join(root, '.n8n-host')).map((v) => path.join(root, '.n8n-host', v))
			: [];
	for (const dir of candidates) {
		const modules = path.join(dir, 'node_modules');
		try {
			const theirs = require(path.join(modules, 'n8n-workflow', 'package.json')).version;
			if (theirs !== ours) continue;
			const { HttpRequest } = require(
				path.join(modules, 'n8n-nodes-base', 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js'),
			);
			const versioned = new HttpRequest();
			return { node: versioned.nodeVersions[4.2] as INodeType, from: dir };
		} catch {
			continue;
		}
	}
	return undefined;
}

function messagesPath(channelId: string) {
	return `/api/v3/workspaces/${WORKSPACE}/chat/channels/${channelId}/messages`;
}

async function rawClient(n: number, channelId: string): Promise<number> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const url = new URL(`${ctx.sim.baseUrl}${messagesPath(channelId)}`);
	const started = performance.now();
	for (let i = 0; i < n; i++) {
		const body = JSON.stringify({ type: 'message', content: `bench #${i}` });
		await new Promise<void>((resolve, reject) => {
			const req = http.request(
				url,
				{
					method: 'POST',
					agent,
					headers: {
						authorization: clickup.TOKEN,
						'content-type': 'application/json',
						'content-length': Buffer.byteLength(body),
					},
				},
				(res) => {
					res.resume();
					res.on('end', () =>
						res.statusCode === 201 || res.statusCode === 200
							? resolve()
							: reject(new Error(`HTTP ${res.statusCode}`)),
					);
				},
			);
			req.on('error', reject);
			req.end(body);
		});
	}
	const ms = performance.now() - started;
	agent.destroy();
	return ms;
}

/**
 * The ClickUp Chat node with stopwatches around its execute(), around n8n's request helper it
 * calls, and around the parameter reads whose stored value holds an expression (n8n evaluating the
 * workflow's `={{ … }}`): what is left is the package's own share of an item (its code and the n8n
 * calls it makes to read parameters, node and credential), apart from n8n's engine, n8n's HTTP
 * helper and the workflow's expressions. Real calls, only timed.
 */
const timing = { executeMs: 0, helperMs: 0, expressionMs: 0 };
class TimedClickUpChat extends ClickUpChat {
	async execute(this: IExecuteFunctions) {
		const started = performance.now();
		const helpers = this.helpers as {
			httpRequestWithAuthentication: (...args: unknown[]) => Promise<unknown>;
		};
		const send = helpers.httpRequestWithAuthentication;
		helpers.httpRequestWithAuthentication = async function (this: unknown, ...args: unknown[]) {
			const t = performance.now();
			try {
				return await send.apply(this, args);
			} finally {
				timing.helperMs += performance.now() - t;
			}
		};
		const parameters = this.getNode().parameters;
		const read = this.getNodeParameter as (...args: unknown[]) => unknown;
		const timedRead = function (this: unknown, name: unknown, ...rest: unknown[]) {
			if (typeof name !== 'string' || !holdsExpression(storedAt(parameters, name)))
				return read.call(this, name, ...rest);
			const t = performance.now();
			try {
				return read.call(this, name, ...rest);
			} finally {
				timing.expressionMs += performance.now() - t;
			}
		};
		(this as { getNodeParameter: unknown }).getNodeParameter = timedRead;
		try {
			return await ClickUpChat.prototype.execute.call(this);
		} finally {
			timing.executeMs += performance.now() - started;
		}
	}
}

function storedAt(parameters: object, name: string): unknown {
	return name
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
			parameters,
		);
}

async function clickUpNode(n: number, channelId: string, concurrency = 1): Promise<number> {
	const started = performance.now();
	const result = await runNode({
		node: new TimedClickUpChat(),
		credentialTypes: [new ClickUpChatApi()],
		credentials: { clickUpChatApi: { accessToken: clickup.TOKEN, baseUrl: ctx.sim.baseUrl } },
		parameters: {
			resource: 'message',
			operation: 'send',
			workspaceId: { __rl: true, mode: 'id', value: WORKSPACE },
			channelId,
			content: '={{ "bench #" + $json.n }}',
			options: { concurrency },
		},
		items: Array.from({ length: n }, (_, i) => ({ n: i })),
		checkOutputSchema: false,
	});
	const ms = performance.now() - started;
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(n);
	return ms;
}

/** n8n's HTTP Request node sending the same message per item: with a plain header, or with our credential. */
async function httpNode(
	node: INodeType,
	n: number,
	channelId: string,
	auth: 'header' | 'credential',
): Promise<number> {
	const started = performance.now();
	const result = await runNode({
		node,
		nodeType: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		credentialTypes: [new ClickUpChatApi()],
		credentials: { clickUpChatApi: { accessToken: clickup.TOKEN, baseUrl: ctx.sim.baseUrl } },
		extraCredentials: auth === 'credential' ? ['clickUpChatApi'] : [],
		parameters: {
			method: 'POST',
			url: `${ctx.sim.baseUrl}${messagesPath(channelId)}`,
			...(auth === 'credential'
				? { authentication: 'predefinedCredentialType', nodeCredentialType: 'clickUpChatApi' }
				: {
						sendHeaders: true,
						headerParameters: { parameters: [{ name: 'Authorization', value: clickup.TOKEN }] },
					}),
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ type: "message", content: "bench #" + $json.n }) }}',
			options: {},
		},
		items: Array.from({ length: n }, (_, i) => ({ n: i })),
	});
	const ms = performance.now() - started;
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(n);
	return ms;
}

/** TCP connections the simulator accepted while `fn` ran (keep-alive or a connection per request). */
async function countingConnections<T>(
	fn: () => Promise<T>,
): Promise<{ value: T; connections: number }> {
	const server = (ctx.sim as unknown as { server: http.Server }).server;
	let connections = 0;
	const count = () => connections++;
	server.on('connection', count);
	try {
		return { value: await fn(), connections };
	} finally {
		server.off('connection', count);
	}
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('per item: ClickUp Chat node vs HTTP Request node vs a raw client; concurrency at 50 ms', async () => {
	const channelId = await openChannel(ctx.sim.baseUrl);
	const httpRequest = httpRequestNode();
	const lines: string[] = [];
	const targets: Array<{ name: string; value: number; limit: string; pass: boolean }> = [];
	const target = (name: string, value: number, op: '<=' | '>=', limit: number) =>
		targets.push({
			name,
			value,
			limit: `${op}${limit}`,
			pass: op === '<=' ? value <= limit : value >= limit,
		});
	// warm-up: JIT, connection pools
	await rawClient(50, channelId);
	await clickUpNode(50, channelId);
	await clickUpNode(50, channelId, 32);
	if (httpRequest) {
		await httpNode(httpRequest.node, 50, channelId, 'header');
		await httpNode(httpRequest.node, 50, channelId, 'credential');
	}

	for (const n of [200, 1000]) {
		const runs = {
			raw: [] as number[],
			c1: [] as number[],
			c32: [] as number[],
			header: [] as number[],
			credential: [] as number[],
			share: [] as number[],
			shareWithExpressions: [] as number[],
			expressionMs: [] as number[],
		};
		const connections: Record<string, number> = {};
		for (let run = 0; run < RUNS; run++) {
			ctx.sim.reset();
			const raw = await countingConnections(() => rawClient(n, channelId));
			runs.raw.push(raw.value);
			connections.raw = raw.connections;
			timing.executeMs = 0;
			timing.helperMs = 0;
			timing.expressionMs = 0;
			const c1 = await countingConnections(() => clickUpNode(n, channelId));
			runs.c1.push(c1.value);
			connections.node = c1.connections;
			const own = timing.executeMs - timing.helperMs;
			runs.shareWithExpressions.push(own / c1.value);
			runs.share.push((own - timing.expressionMs) / c1.value);
			runs.expressionMs.push(timing.expressionMs / n);
			runs.c32.push(await clickUpNode(n, channelId, 32));
			if (httpRequest) {
				const header = await countingConnections(() =>
					httpNode(httpRequest.node, n, channelId, 'header'),
				);
				runs.header.push(header.value);
				connections.header = header.connections;
				const credential = await countingConnections(() =>
					httpNode(httpRequest.node, n, channelId, 'credential'),
				);
				runs.credential.push(credential.value);
				connections.credential = credential.connections;
			}
		}
		const best = (values: number[]) => Math.min(...values);
		const perItem = (ms: number) => `${(ms / n).toFixed(2)} ms/item`;
		const raw = best(runs.raw);
		const c1 = best(runs.c1);
		const c32 = best(runs.c32);
		lines.push(
			`N=${n} (best of ${RUNS}): raw client (one at a time, keep-alive) ${perItem(raw)}; ClickUp node Concurrency 1 ${perItem(c1)} (${(c1 / raw).toFixed(1)}x raw), Concurrency 32 ${perItem(c32)} (${(c32 / raw).toFixed(1)}x raw)`,
			`  the package's own code: ${(100 * median(runs.share)).toFixed(1)} % of an item (median of ${RUNS}); with n8n evaluating the Content expression (${median(runs.expressionMs).toFixed(3)} ms/item) ${(100 * median(runs.shareWithExpressions)).toFixed(1)} %`,
		);
		target(`c32-vs-c1-n${n}`, c32 / c1, '<=', MAX_C32_TO_C1);
		if (n === 1000) target('own-share-n1000', median(runs.share), '<=', MAX_OWN_SHARE);
		if (httpRequest) {
			const header = best(runs.header);
			const credential = best(runs.credential);
			const pairs = median(runs.c32.map((ms, run) => ms / runs.credential[run]));
			lines.push(
				`  HTTP Request node with the ClickUp credential (sends every item at once) ${perItem(credential)} (${(credential / raw).toFixed(1)}x raw); ClickUp node at Concurrency 32 / it: best ${(c32 / credential).toFixed(2)}, median of pairs ${pairs.toFixed(2)}`,
				`  HTTP Request node with a plain Authorization header ${perItem(header)} (${(header / raw).toFixed(1)}x raw); ClickUp node at Concurrency 32 / it: ${(c32 / header).toFixed(2)}`,
				`  TCP connections per run: raw ${connections.raw}, ClickUp node ${connections.node}, HTTP Request node ${connections.header} (header), ${connections.credential} (credential)`,
			);
			target(`node-vs-http-credential-n${n}`, c32 / credential, '<=', MAX_NODE_TO_HTTP_NODE);
		}
	}
	if (httpRequest) lines.push(`HTTP Request node from ${path.relative(root, httpRequest.from)}`);
	else
		lines.push(
			'HTTP Request node: no installed n8n with our n8n-workflow (bash scripts/install-n8n.sh)',
		);

	// 100 items, 50 ms latency per request
	const latency: Record<number, number> = {};
	for (const concurrency of [1, 10, 32]) {
		ctx.sim.reset();
		ctx.sim.fault({ method: 'POST', path: messagesPath(channelId), times: 100 }, { delayMs: 50 });
		latency[concurrency] = await clickUpNode(100, channelId, concurrency);
	}
	const speedup = latency[1] / latency[32];
	lines.push(
		`100 items at 50 ms: Concurrency 1 ${(latency[1] / 1000).toFixed(2)} s, 10 ${(latency[10] / 1000).toFixed(2)} s, 32 ${(latency[32] / 1000).toFixed(2)} s; 32 is ${speedup.toFixed(1)}x faster than 1`,
	);
	target('speedup-32-at-50ms', speedup, '>=', MIN_SPEEDUP_32);
	for (const t of targets)
		lines.push(`target: ${t.name} ${t.value.toFixed(3)} ${t.limit} ${t.pass ? 'PASS' : 'FAIL'}`);
	console.log(lines.join('\n'));
	expect(targets.filter((t) => !t.pass).map((t) => t.name)).toEqual([]);
	if (!httpRequest)
		throw new Error('no HTTP Request node to compare with: run bash scripts/install-n8n.sh');
});
