#!/usr/bin/env node
'use strict';
/**
 * e2e part "chat": Dify streaming into n8n's Chat, in a real n8n (`n8n start`), called over HTTP
 * the way n8n's chat client (@n8n/chat, `enableStreaming`) calls a public Chat Trigger:
 *   POST <n8n>/webhook/<webhookId>/chat   {"action":"sendMessage","sessionId":…,"chatInput":…}
 *   Content-Type: application/json, Accept: text/plain
 * and reading the answer as n8n streams it: newline-delimited JSON chunks
 *   {"type":"begin"|"item"|"end"|"error","content":…,"metadata":{nodeId,nodeName,itemIndex,runIndex,…}}
 *
 *   1. Chat Trigger (public, response mode Streaming) → Dify (Chat Message → Send, streaming), the
 *      simulator pacing Dify's SSE one event per write: the answer reaches the chat client in
 *      several chunks while the simulator is still streaming, and the chunks add up to the answer
 *      (the one in the fixture and in the node's output).
 *   2. An `error` event in Dify's stream: the chat stream carries an error chunk with Dify's
 *      message and ends; the execution fails.
 *   3. Cancel: the chat client disconnecting mid-answer (what n8n does then is pinned), and n8n's
 *      own stop of the execution (the editor's Stop, POST /rest/executions/:id/stop): the node asks
 *      Dify to stop generating (POST /chat-messages/{task_id}/stop, same user) and the chat ends.
 *   4. The same with an AI Agent (streaming) that uses the Dify node as a tool: the model
 *      simulator streams, the agent's answer streams into the chat, the Dify answer reaches the
 *      model, a Dify error event reaches the model, and a stop reaches Dify.
 *
 *   node test/e2e/chat.js      (after npm run build; N8N_VERSION / N8N_HOST_DIR pick the n8n)
 * Prints `N passed, N failed` last; exit 1 on any failure. Bounded: E2E_CHAT_TIMEOUT_MS (10 min).
 */
const http = require('node:http');
const host = require('../../dev/host/index');
const { providers } = require('../../dev/simulator');
const openai = require('../../dev/simulator/models/openai');
const { runSuite, hostChecks, N8nRest, Checks } = require('./lib');
const {
	TOOLS,
	toolName,
	chatDifyWorkflow,
	chatAgentWorkflow,
	startAiFixtures,
} = require('./workflows/ai');

const checks = new Checks();
const check = checks.check.bind(checks);
const TIMEOUT_MS = Number(process.env.E2E_CHAT_TIMEOUT_MS || 10 * 60 * 1000);
const N8N_VERSION = host.DEFAULT_HOST.version;
/** E2E_CHAT_ONLY=dify,agent-stop … runs only those scenarios (names in main()). */
const ONLY = process.env.E2E_CHAT_ONLY ? process.env.E2E_CHAT_ONLY.split(',') : undefined;

const WF = {
	dify: { id: 'e2eChatDify00001', webhookId: 'b7e2c1d0-0000-4000-8000-00000000d1f1' },
	agent: { id: 'e2eChatAgentRs01', webhookId: 'b7e2c1d0-0000-4000-8000-0000000a6e01' },
	agentCc: { id: 'e2eChatAgentCc01', webhookId: 'b7e2c1d0-0000-4000-8000-0000000a6ec2' },
};

const sims = {};
let model;
let inst;
let server;
let rest;
const open = new Set();
/** Every chunk any chat response carried (for the no-secret check at the end). */
const everyChunk = [];

async function teardown() {
	for (const req of open) req.destroy();
	try {
		if (server) await server.stop();
	} catch {
		/* best effort */
	}
	try {
		if (inst) await inst.cleanup();
	} catch {
		/* best effort */
	}
	await Promise.all(
		[...Object.values(sims), model].filter(Boolean).map((s) => s.stop().catch(() => {})),
	);
}

const since = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * One chat message, sent as @n8n/chat sends it with streaming on; the answer read as it arrives,
 * split into lines and parsed like the client does (a line that is not JSON is an `item`).
 * Returns { done: Promise<{ status, headers, chunks, endedAt, closedBy }>, chunks (live), abort() }.
 * Each chunk gets `at` (arrival time, this process's clock).
 */
function sendChat(webhookId, chatInput, sessionId, { timeoutMs = 120000 } = {}) {
	const url = new URL(`${server.baseUrl}/webhook/${webhookId}/chat`);
	const data = Buffer.from(JSON.stringify({ action: 'sendMessage', sessionId, chatInput }));
	const chunks = [];
	const waiters = [];
	let req;
	const done = new Promise((resolve, reject) => {
		req = http.request(
			url,
			{
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					accept: 'text/plain',
					'content-length': String(data.length),
				},
			},
			(res) => {
				let buffer = '';
				const push = (line) => {
					if (!line.trim()) return;
					let chunk;
					try {
						chunk = JSON.parse(line);
					} catch {
						chunk = { type: 'item', content: line };
					}
					chunk.at = Date.now();
					chunks.push(chunk);
					everyChunk.push(chunk);
					for (const w of [...waiters])
						if (w.test(chunks)) {
							waiters.splice(waiters.indexOf(w), 1);
							w.resolve();
						}
				};
				res.setEncoding('utf8');
				res.on('data', (text) => {
					buffer += text;
					const lines = buffer.split('\n');
					buffer = lines.pop() ?? '';
					lines.forEach(push);
				});
				const finish = (closedBy) => {
					push(buffer);
					buffer = '';
					open.delete(req);
					resolve({
						status: res.statusCode,
						headers: res.headers,
						chunks,
						endedAt: Date.now(),
						closedBy,
					});
				};
				res.on('end', () => finish('server'));
				res.on('close', () => finish(req.destroyed ? 'client' : 'server'));
			},
		);
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', (error) => {
			open.delete(req);
			if (req.abortedByTest)
				resolve({ status: 0, headers: {}, chunks, endedAt: Date.now(), closedBy: 'client' });
			else reject(error);
		});
		open.add(req);
		req.end(data);
	});
	return {
		done,
		chunks,
		/** Resolves once test(chunks) is true (checked on every new chunk). */
		until(test, ms = 30000) {
			if (test(chunks)) return Promise.resolve();
			return new Promise((resolve, reject) => {
				const w = { test, resolve };
				waiters.push(w);
				setTimeout(() => {
					if (waiters.includes(w)) {
						waiters.splice(waiters.indexOf(w), 1);
						reject(
							new Error(
								`chat: condition not met within ${ms} ms: ${JSON.stringify(chunks).slice(0, 800)}`,
							),
						);
					}
				}, ms).unref();
			});
		},
		abort() {
			req.abortedByTest = true;
			req.destroy();
		},
	};
}

const items = (chunks, nodeName) =>
	chunks.filter((c) => c.type === 'item' && (!nodeName || c.metadata?.nodeName === nodeName));
const text = (chunks, nodeName) =>
	items(chunks, nodeName)
		.map((c) => c.content)
		.join('');
const types = (chunks) =>
	chunks.map((c) => `${c.type}${c.metadata?.nodeName ? `@${c.metadata.nodeName}` : ''}`);

/** The answer a Dify fixture streams (its `message` events in order; no replace events in these). */
function fixtureAnswer(name) {
	return providers.dify.FIXTURES[name]
		.toString('utf8')
		.split('\n')
		.filter((l) => l.startsWith('data:'))
		.map((l) => JSON.parse(l.slice(5)))
		.filter((e) => e.event === 'message')
		.map((e) => e.answer)
		.join('');
}

/** The newest execution of a workflow once it is final (or in `statuses`). */
async function executionOf(workflowId, { statuses, timeoutMs = 60000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const [row] = await inst.listExecutions({ workflowId, limit: 1 });
		if (row) return await inst.waitForExecutionStatus(row.id, { statuses, timeoutMs });
		if (Date.now() > deadline)
			throw new Error(`no execution of ${workflowId} within ${timeoutMs} ms`);
		await sleep(200);
	}
}

async function runningExecution(workflowId, { timeoutMs = 30000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const rows = await inst.listExecutions({ workflowId, limit: 5 });
		const row = rows.find((r) => r.status === 'running' || r.status === 'new');
		if (row) return row.id;
		if (Date.now() > deadline) throw new Error(`no running execution of ${workflowId}`);
		await sleep(150);
	}
}

/** The /chat-messages request of the Dify simulator whose query contains `marker`. */
const difyCall = (marker) =>
	sims.dify.requests.find((r) => r.path === '/chat-messages' && r.body?.query?.includes(marker));

async function waitFor(test, ms, what) {
	const deadline = Date.now() + ms;
	while (!test()) {
		if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
		await sleep(50);
	}
}

// ------------------------------------------------------------------ 1-3: Chat Trigger → Dify

async function difyStreams() {
	const label = 'chat → Dify';
	const marker = 'stream-1';
	const t0 = Date.now();
	const chat = sendChat(
		WF.dify.webhookId,
		`Tell me something ${marker} sim:chat-unicode +paced`,
		'chat-session-1',
	);
	const res = await chat.done;
	const execution = await executionOf(WF.dify.id);
	console.log(
		`     (${label}: ${res.chunks.length} chunks in ${since(t0)}, execution ${execution.status})`,
	);
	const call = difyCall(marker);
	const run = host.summarizeRun({ data: execution.data });
	const answer = run.nodeOutput('Dify')?.[0]?.answer;
	const expected = fixtureAnswer('chat-unicode');

	check(
		`${label}: n8n answers 200 with a chunked JSON-lines stream (application/json, no content-length)`,
		res.status === 200 &&
			/^application\/json/.test(res.headers['content-type'] ?? '') &&
			res.headers['transfer-encoding'] === 'chunked' &&
			res.headers['content-length'] === undefined,
		{ status: res.status, headers: res.headers },
	);
	check(
		`${label}: the Dify node sent the chat input to Dify, streaming, as the chat session's user`,
		call && call.body.response_mode === 'streaming' && call.body.user === 'chat-session-1',
		call?.body,
	);
	const difyItems = items(res.chunks, 'Dify');
	check(
		`${label}: the stream is begin, then the answer in ${difyItems.length} item chunks, then end, all from the Dify node`,
		res.chunks[0]?.type === 'begin' &&
			res.chunks[0]?.metadata?.nodeName === 'Dify' &&
			res.chunks.at(-1)?.type === 'end' &&
			difyItems.length >= 8 &&
			res.chunks.every((c) => c.metadata?.nodeName === 'Dify'),
		types(res.chunks),
	);
	const early = difyItems.filter((c) => call?.streamEndedAt && c.at < call.streamEndedAt);
	check(
		`${label}: ${early.length} of the chunks reached the chat client while the simulator was still streaming`,
		early.length >= 5 && difyItems[0].at + 3 * providers.dify.PACE_MS < call.streamEndedAt,
		{ streamEndedAt: call?.streamEndedAt, arrivals: difyItems.map((c) => c.at) },
	);
	check(
		`${label}: the chunks add up to the answer (the fixture's, and the node's output)`,
		text(res.chunks, 'Dify') === expected && answer === expected,
		{ chunks: text(res.chunks, 'Dify'), answer, expected },
	);
	check(`${label}: the execution succeeded`, execution.status === 'success', execution.status);
}

async function difyErrorEvent() {
	const label = 'chat → Dify, error event in the stream';
	const marker = 'stream-error';
	const chat = sendChat(
		WF.dify.webhookId,
		`Numbers please ${marker} sim:error-event +paced`,
		'chat-session-2',
	);
	const res = await chat.done;
	const execution = await executionOf(WF.dify.id);
	const errors = res.chunks.filter((c) => c.type === 'error');
	console.log(
		`     (${label}: ${JSON.stringify(types(res.chunks))}, execution ${execution.status}; error chunks say ${JSON.stringify(res.chunks.filter((c) => c.type === 'error').map((c) => c.content))})`,
	);
	check(
		`${label}: the partial answer streamed first`,
		text(res.chunks, 'Dify') === fixtureAnswer('error-event'),
		text(res.chunks, 'Dify'),
	);
	check(
		`${label}: an error chunk carries Dify's message ("Completion request failed.")`,
		errors.length >= 1 &&
			errors.some((c) => String(c.content).includes('Completion request failed.')),
		errors,
	);
	check(
		`${label}: the chat stream ends (n8n closes it) and the execution fails`,
		res.closedBy === 'server' && execution.status === 'error',
		{ closedBy: res.closedBy, status: execution.status, last: res.chunks.at(-1) },
	);
	const last = res.chunks.at(-1);
	check(
		`${label}: nothing comes after the error but its end`,
		(last?.type === 'error' || last?.type === 'end') &&
			res.chunks
				.slice(res.chunks.findIndex((c) => c.type === 'error'))
				.every((c) => c.type !== 'item'),
		types(res.chunks),
	);
}

/**
 * After a stop: the chat response as it stands once n8n closed it, or after `ms` (then the client
 * gives up: { closedBy: 'client', leftOpen: true }).
 */
async function afterStop(chat, ms = 8000) {
	const res = await Promise.race([chat.done, sleep(ms).then(() => undefined)]);
	if (res) return res;
	const n = chat.chunks.length;
	chat.abort();
	return { ...(await chat.done), leftOpen: true, chunksAtTimeout: n };
}

/** The chunks of the last message (begin … end) a node sent, non-empty items only. */
function lastMessage(chunks, nodeName) {
	const begins = chunks
		.map((c, i) => (c.type === 'begin' && c.metadata?.nodeName === nodeName ? i : -1))
		.filter((i) => i >= 0);
	const from = begins.at(-1) ?? 0;
	return chunks
		.slice(from)
		.filter((c) => c.type === 'item' && c.metadata?.nodeName === nodeName && c.content !== '');
}

/** Stop an execution as the editor's Stop button does. */
async function stopExecution(id) {
	const r = await rest.call('POST', `/rest/executions/${id}/stop`);
	return r.status;
}

async function difyCancel() {
	const dify = sims.dify;
	// (a) the chat client goes away mid-answer
	{
		const label = 'chat → Dify, client disconnects';
		const sessionId = 'chat-session-3';
		const chat = sendChat(WF.dify.webhookId, 'Go on forever cancel-a sim:endless', sessionId);
		await chat.until((c) => items(c, 'Dify').length >= 3);
		const call = difyCall('cancel-a');
		const taskId = call?.taskId;
		chat.abort();
		const res = await chat.done;
		const before = dify.state.streamed[taskId] ?? 0;
		await sleep(1500);
		const after = dify.state.streamed[taskId] ?? 0;
		const rows = await inst.listExecutions({ workflowId: WF.dify.id, limit: 1 });
		const stopsNow = dify.state.stops.filter((s) => s.task_id === taskId);
		const observed = {
			closedBy: res.closedBy,
			streamedBefore: before,
			streamedAfter: after,
			execution: rows[0]?.status,
			stops: stopsNow.length,
		};
		console.log(`     (${label}, n8n ${N8N_VERSION}: ${JSON.stringify(observed)})`);
		check(
			`${label}: n8n ${N8N_VERSION} does not cancel the execution when the chat client disconnects: Dify keeps streaming, no stop`,
			res.closedBy === 'client' &&
				after > before &&
				rows[0]?.status === 'running' &&
				stopsNow.length === 0,
			observed,
		);
		// clean up through n8n's stop, which is the cancel path n8n has
		const status = rows[0] ? await stopExecution(rows[0].id) : 0;
		await waitFor(
			() => dify.state.stops.some((s) => s.task_id === taskId),
			15000,
			'stop after disconnect',
		).catch(() => {});
		const stop = dify.state.stops.find((s) => s.task_id === taskId);
		check(
			`${label}: stopping that execution in n8n (the editor's Stop) makes the node call Dify's stop for ${taskId}`,
			status === 200 && stop && stop.user === sessionId,
			{ status, stops: dify.state.stops },
		);
	}
	// (b) n8n's stop while the chat client is still reading
	{
		const label = 'chat → Dify, execution stopped in n8n';
		const sessionId = 'chat-session-4';
		const chat = sendChat(WF.dify.webhookId, 'Go on forever cancel-b sim:endless', sessionId);
		await chat.until((c) => items(c, 'Dify').length >= 3);
		const call = difyCall('cancel-b');
		const taskId = call?.taskId;
		const id = await runningExecution(WF.dify.id);
		const t0 = Date.now();
		const status = await stopExecution(id);
		const res = await afterStop(chat);
		const execution = await inst.waitForExecutionStatus(id, { timeoutMs: 30000 });
		const stop = dify.state.stops.find((s) => s.task_id === taskId);
		const stopIndex = res.chunks.findIndex((c) => c.at >= t0);
		console.log(
			`     (${label}: after the stop the chat got ${JSON.stringify(types(res.chunks.slice(stopIndex < 0 ? res.chunks.length : stopIndex)).slice(-6))}, ${res.leftOpen ? 'and n8n left the response open' : 'and n8n closed it'})`,
		);
		const stopCall = dify.requests.find((r) => r.path === `/chat-messages/${taskId}/stop`);
		console.log(
			`     (${label}: stop ${status}, chat ended in ${since(t0)}, execution ${execution.status})`,
		);
		check(
			`${label}: the node called POST /chat-messages/${taskId}/stop with the same user`,
			stop &&
				stop.user === sessionId &&
				stopCall?.headers.authorization === `Bearer ${providers.dify.TOKEN}`,
			{
				stops: dify.state.stops,
				stopCall: stopCall && { path: stopCall.path, body: stopCall.body },
			},
		);
		const afterIt = res.chunks.filter((c) => c.at >= t0);
		console.log(
			`     (${label}: error chunks after the stop say ${JSON.stringify(afterIt.filter((c) => c.type === 'error').map((c) => c.content))})`,
		);
		check(
			`${label}: Dify stopped streaming and the node closed its chat message (an end chunk)`,
			(dify.state.streamed[taskId] ?? 0) < 200 &&
				items(res.chunks, 'Dify').length >= 3 &&
				afterIt.some((c) => c.type === 'end' && c.metadata?.nodeName === 'Dify'),
			{ streamed: dify.state.streamed[taskId], after: types(afterIt) },
		);
		check(
			`${label}: n8n ${N8N_VERSION} then sends an error chunk but leaves the chat response open (it does not end a streamed webhook response when the execution is canceled)`,
			res.leftOpen === true && afterIt.some((c) => c.type === 'error'),
			{ leftOpen: res.leftOpen, closedBy: res.closedBy, after: types(afterIt) },
		);
		check(`${label}: the execution is canceled`, execution.status === 'canceled', {
			status: execution.status,
			error: execution.data?.resultData?.error?.message,
		});
	}
}

// ------------------------------------------------------------------ 4: Chat Trigger → AI Agent (Dify tool)

async function agentStreams(wf, api) {
	const spec = TOOLS.dify;
	const name = toolName(spec.nodeName);
	const label = `chat → AI Agent + Dify tool [${api === 'chat' ? 'chat completions' : 'Responses API'}]`;
	const marker = `agent-${api}`;
	const sessionId = `agent-session-${api}`;
	let final;
	openai.script(model, [
		{
			tool: name,
			args: { query: `Specs please ${marker} sim:chat-unicode +paced`, conversation_id: '' },
		},
		(turn) => {
			const result = JSON.parse(turn.toolResults.at(-1)?.output ?? '[]');
			final = `Dify says: ${result[0]?.answer} (conversation ${result[0]?.conversation_id})`;
			return { text: final, chunks: 8, paceMs: 60 };
		},
	]);
	const t0 = Date.now();
	const chat = sendChat(wf.webhookId, 'What are the specs?', sessionId);
	const res = await chat.done;
	const execution = await executionOf(wf.id);
	const turns = model.state.turns;
	console.log(
		`     (${label}: ${JSON.stringify(types(res.chunks).reduce((a, t) => (a.at(-1)?.[0] === t ? a.at(-1)[1]++ : a.push([t, 1]), a), []))} in ${since(t0)}, execution ${execution.status})`,
	);
	const expectedAnswer = fixtureAnswer('chat-unicode');
	check(
		`${label}: the model was asked twice, streaming (stream: true) over ${api === 'chat' ? '/v1/chat/completions' : '/v1/responses'}`,
		turns.length === 2 && turns.every((t) => t.api === api && t.stream),
		turns.map((t) => ({ api: t.api, stream: t.stream })),
	);
	check(
		`${label}: the Dify answer reached the model as the tool result`,
		(turns[1]?.toolResults?.[0]?.output ?? '').includes(
			JSON.stringify(expectedAnswer).slice(1, -1),
		),
		turns[1]?.toolResults,
	);
	const agentItems = lastMessage(res.chunks, 'AI Agent');
	const answerTurn = turns[1];
	const emptyItems = items(res.chunks, 'AI Agent').filter((c) => c.content === '').length;
	if (emptyItems)
		console.log(
			`     (${label}: n8n also sent ${emptyItems} empty AI Agent item chunks while the model streamed its tool call)`,
		);
	check(
		`${label}: the agent's answer streams into the chat in ${agentItems.length} chunks that add up to it`,
		agentItems.length >= 4 &&
			agentItems.map((c) => c.content).join('') === final &&
			text(res.chunks, 'AI Agent') === final,
		{ chunks: agentItems.map((c) => c.content), final },
	);
	const agentOutput = host
		.summarizeRun({ data: execution.data })
		.nodeOutput('AI Agent')?.[0]?.output;
	check(
		`${label}: the execution succeeds with the streamed answer as the agent's output`,
		execution.status === 'success' && agentOutput === final,
		{ status: execution.status, agentOutput },
	);
	const beforeModelEnd = agentItems.filter(
		(c) => answerTurn?.streamEndedAt && c.at < answerTurn.streamEndedAt,
	);
	check(
		`${label}: ${beforeModelEnd.length} of the agent's chunks reached the chat client while the model simulator was still streaming`,
		beforeModelEnd.length >= 3,
		{ streamEndedAt: answerTurn?.streamEndedAt, arrivals: agentItems.map((c) => c.at) },
	);
	// What the Dify node does with its own chunks when it runs as the agent's tool in a streaming chat
	const difyItems = items(res.chunks, spec.nodeName);
	console.log(
		`     (${label}: the Dify tool forwarded ${difyItems.length} chunks of its own to the chat${difyItems.length ? `: "${text(res.chunks, spec.nodeName).slice(0, 60)}…"` : ''})`,
	);
	check(
		`${label}: the Dify tool streams nothing of its own into the chat (the agent answers)`,
		difyItems.length === 0,
		types(res.chunks),
	);
}

async function agentErrorEvent(wf, api) {
	const spec = TOOLS.dify;
	const name = toolName(spec.nodeName);
	const label = `chat → AI Agent + Dify tool, Dify error event [${api === 'chat' ? 'chat completions' : 'Responses API'}]`;
	openai.script(model, [
		{
			tool: name,
			args: { query: `Numbers agent-error-${api} sim:error-event +paced`, conversation_id: '' },
		},
		(turn) => ({
			text: `Sorry, Dify failed: ${JSON.parse(turn.toolResults.at(-1)?.output ?? '[{}]')[0]?.error}`,
			chunks: 3,
		}),
	]);
	const chat = sendChat(wf.webhookId, 'Numbers?', `agent-error-${api}`);
	const res = await chat.done;
	const execution = await executionOf(wf.id);
	const turns = model.state.turns;
	const toolResult = turns[1]?.toolResults?.[0]?.output ?? '';
	console.log(
		`     (${label}: ${JSON.stringify(types(res.chunks))}, execution ${execution.status})`,
	);
	check(
		`${label}: Dify's error reaches the model as the tool result`,
		toolResult.includes('Completion request failed.'),
		toolResult,
	);
	check(
		`${label}: the agent answers in the chat with it and the run succeeds`,
		text(res.chunks, 'AI Agent').includes('Completion request failed.') &&
			execution.status === 'success',
		{ agent: text(res.chunks, 'AI Agent'), status: execution.status },
	);
}

async function agentStop(wf, api) {
	const spec = TOOLS.dify;
	const name = toolName(spec.nodeName);
	const label = `chat → AI Agent + Dify tool, execution stopped in n8n [${api === 'chat' ? 'chat completions' : 'Responses API'}]`;
	const sessionId = `agent-stop-${api}`;
	const marker = `agent-stop-${api}`;
	openai.script(model, [
		{ tool: name, args: { query: `Forever ${marker} sim:endless`, conversation_id: '' } },
		() => ({ text: 'unexpected second model call' }),
	]);
	const chat = sendChat(wf.webhookId, 'Talk forever', sessionId);
	await waitFor(
		() => {
			const call = difyCall(marker);
			return call && (sims.dify.state.streamed[call.taskId] ?? 0) >= 3;
		},
		30000,
		'Dify streaming as the tool',
	);
	const taskId = difyCall(marker).taskId;
	const id = await runningExecution(wf.id);
	const status = await stopExecution(id);
	const res = await afterStop(chat);
	const execution = await inst.waitForExecutionStatus(id, { timeoutMs: 30000 });
	await waitFor(
		() => sims.dify.state.stops.some((s) => s.task_id === taskId),
		10000,
		'Dify stop',
	).catch(() => {});
	const stop = sims.dify.state.stops.find((s) => s.task_id === taskId);
	console.log(
		`     (${label}: stop ${status}, execution ${execution.status}, ${model.state.turns.length} model requests)`,
	);
	check(
		`${label}: the Dify tool called POST /chat-messages/${taskId}/stop with the session's user`,
		status === 200 && stop && stop.user === sessionId,
		{ status, stops: sims.dify.state.stops },
	);
	check(
		`${label}: the execution is canceled, the model is not asked again, and the Dify tool sent nothing of its own to the chat`,
		execution.status === 'canceled' &&
			model.state.turns.length === 1 &&
			!res.chunks.some((c) => c.metadata?.nodeName === spec.nodeName),
		{
			status: execution.status,
			turns: model.state.turns.length,
			last: types(res.chunks).slice(-4),
		},
	);
	check(
		`${label}: n8n ${N8N_VERSION} leaves the chat response open after the stop (as without the agent)`,
		res.leftOpen === true,
		{ leftOpen: res.leftOpen, closedBy: res.closedBy, last: types(res.chunks).slice(-4) },
	);
}

async function main() {
	const t0 = Date.now();
	({ model, inst } = await startAiFixtures('chat', sims));
	await inst.importWorkflow([
		chatDifyWorkflow(WF.dify.id, WF.dify.webhookId),
		chatAgentWorkflow(WF.agent.id, WF.agent.webhookId, { responsesApi: true }),
		chatAgentWorkflow(WF.agentCc.id, WF.agentCc.webhookId, { responsesApi: false }),
	]);
	for (const wf of Object.values(WF)) await inst.publishWorkflow(wf.id);
	const ts = Date.now();
	server = await inst.start({ timeoutMs: 240000 });
	console.log(`     (n8n start ready in ${since(ts)} on ${server.baseUrl})`);
	rest = new N8nRest(server.baseUrl);
	await rest.ensureOwner();

	const parts = [
		['dify', difyStreams],
		['dify-error', difyErrorEvent],
		['dify-cancel', difyCancel],
		['agent', () => agentStreams(WF.agent, 'responses')],
		['agent-error', () => agentErrorEvent(WF.agent, 'responses')],
		['agent-stop', () => agentStop(WF.agent, 'responses')],
		['agent-cc', () => agentStreams(WF.agentCc, 'chat')],
		['agent-cc-error', () => agentErrorEvent(WF.agentCc, 'chat')],
		['agent-cc-stop', () => agentStop(WF.agentCc, 'chat')],
	].filter(([name]) => !ONLY || ONLY.includes(name));
	for (const [name, part] of parts) {
		try {
			await part();
		} catch (error) {
			checks.fail(`scenario ${name} ran to its end`, error);
		}
	}
	const secrets = [providers.dify.TOKEN, openai.TOKEN];
	const leaked = secrets.filter(
		(v) => JSON.stringify(everyChunk).includes(v) || server.logs().includes(v),
	);
	check(
		`no API key (Dify's, the model's) in the ${everyChunk.length} chat chunks or n8n's log`,
		everyChunk.length > 0 && leaked.length === 0,
		leaked.map((v) => `${v.slice(0, 6)}…`),
	);
	hostChecks(checks, inst, [server.logs()]);
	console.log(`chat: done in ${since(t0)}`);
}

// re-run on the node the host's sqlite3 was built for, else run here
if (!host.runUnderHostNode())
	runSuite({
		name: 'the chat part',
		label: `chat n8n ${N8N_VERSION}`,
		checks,
		timeoutMs: TIMEOUT_MS,
		teardown,
		main,
	});
