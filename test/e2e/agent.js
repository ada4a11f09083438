#!/usr/bin/env node
'use strict';
/**
 * e2e part "agent": each action node as an AI Agent tool in a real n8n.
 *
 * For ClickUp Chat, DevRev, Dify (Chat Message → Send, and Knowledge Base → Retrieve with the
 * Knowledge API key), Gravity Rail and Zaia: Manual Trigger → AI Agent, with n8n's
 * OpenAI Chat Model sub-node against the model simulator (dev/simulator/models/openai.js, over
 * HTTP on 127.0.0.1) and our node's tool variant (`<package>.<name>Tool`) attached, its parameters
 * filled by $fromAI(). The scripted model makes three tool calls in one run, then answers:
 *   1. arguments our node's validation rejects   → nothing reaches the provider; the model's next
 *                                                 request carries the node's message (field name)
 *   2. arguments the provider answers 404 to      → the next model request carries the provider's
 *                                                 message
 *   3. good arguments                            → the provider simulator receives exactly the
 *                                                 request those arguments map to
 *   4. a final answer quoting a value that only the tool's result had → the agent's output has it,
 *      and the run succeeds (tool errors do not crash it).
 * Twice: with the Responses API (the model node's default since v1.3) and with Chat Completions.
 *
 *   node test/e2e/agent.js     (after npm run build; N8N_HOST_DIR picks the n8n install)
 * Prints `N passed, N failed` last; exit 1 on any failure. Bounded: E2E_AGENT_TIMEOUT_MS (10 min).
 */
const host = require('../../dev/host/index');
const openai = require('../../dev/simulator/models/openai');
const { runSuite, hostChecks, N8nRest, Checks, sameJson, firstDifference } = require('./lib');
const { PKG, TOOLS, toolName, agentWorkflow, startAiFixtures } = require('./workflows/ai');

const checks = new Checks();
const check = checks.check.bind(checks);
const TIMEOUT_MS = Number(process.env.E2E_AGENT_TIMEOUT_MS || 10 * 60 * 1000);
const APIS = (process.env.E2E_AGENT_APIS || 'responses,chat').split(',');
const ONLY = process.env.E2E_AGENT_NODES ? process.env.E2E_AGENT_NODES.split(',') : undefined;

const sims = {};
let model;
let inst;
let server;

async function teardown() {
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
const workflowId = (key, api) =>
	`e2eAgent${key.slice(0, 4)}${api === 'chat' ? 'Cc' : 'Rs'}`.padEnd(16, '0');

function parseJson(text) {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The error message in a tool result as the model got it ([{ error }] from the node, or { error }). */
function errorOf(text) {
	const value = parseJson(text);
	return Array.isArray(value) ? value[0]?.error : value?.error;
}

const N8N_VERSION = host.DEFAULT_HOST.version;

/** Requests to the route of `spec.request` (injected faults included: they never reach a route). */
function providerCalls(sim, spec) {
	const r = spec.request;
	return sim.requests.filter(
		(q) => q.method === r.method && (q.route === r.route || (q.fault && q.path === r.path)),
	);
}

const logged = new Set();

async function scenario(rest, key, api) {
	const spec = TOOLS[key];
	const name = toolName(spec.nodeName);
	const label = `${spec.label} [${api === 'chat' ? 'chat completions' : 'Responses API'}]`;
	const sim = sims[spec.sim ?? key];
	sim.reset({ resetState: true });
	if (spec.notFound.fault) sim.fault(spec.notFound.faultMatch, spec.notFound.fault);
	let quoted;
	openai.script(model, [
		{ tool: name, args: spec.bad.args },
		{ tool: name, args: spec.notFound.args },
		{ tool: name, args: spec.good.args },
		(turn) => {
			const last = parseJson(turn.toolResults.at(-1)?.output ?? '');
			quoted = spec.pick(last);
			return { text: `All set. The reference is ${quoted}.` };
		},
	]);

	const t0 = Date.now();
	let execution;
	try {
		const id = await rest.runManually(workflowId(key, api), 'Start');
		execution = await inst.waitForExecutionStatus(id, { timeoutMs: 120000 });
	} catch (error) {
		checks.fail(`${label}: the agent run finishes`, error);
		return;
	}
	console.log(`     (${label}: ${execution.status} in ${since(t0)})`);
	const run = host.summarizeRun({ data: execution.data });
	const turns = model.state.turns;
	const output = run.nodeOutput('AI Agent')?.[0]?.output;
	if (!logged.has(api) && turns[3]) {
		logged.add(api);
		const body = turns[3].body;
		const items = api === 'responses' ? body.input : body.messages;
		console.log(
			`     (n8n ${N8N_VERSION} ${api} request: fields ${Object.keys(body).sort().join(',')}; ${api === 'responses' ? 'input' : 'messages'} ${JSON.stringify((items ?? []).map((m) => m.type ?? m.role))})`,
		);
	}

	check(
		`${label}: the run succeeds although two tool calls failed`,
		execution.status === 'success',
		{ status: execution.status, error: run.error?.message ?? run.error },
	);
	check(
		`${label}: the model was asked 4 times, over ${api === 'chat' ? '/v1/chat/completions' : '/v1/responses'}, not streaming (a manual run does not stream)`,
		turns.length === 4 && turns.every((t) => t.api === api && t.stream === false),
		turns.map((t) => `${t.api}${t.stream ? ' (stream)' : ''}`),
	);
	const schema = turns[0]?.toolSchemas?.[name];
	check(
		`${label}: the model is offered the tool "${name}" with the $fromAI keys as required arguments`,
		turns[0]?.tools.includes(name) &&
			sameJson(Object.keys(schema?.properties ?? {}).sort(), Object.keys(spec.good.args).sort()) &&
			sameJson([...(schema?.required ?? [])].sort(), Object.keys(spec.good.args).sort()),
		{ tools: turns[0]?.tools, schema },
	);

	const [badResult, notFoundResult, goodResult] = turns[3]?.toolResults ?? [];
	const badText = turns[1]?.toolResults?.[0]?.output ?? '';
	check(
		`${label}: the validation error reaches the model's next request as a readable message`,
		typeof errorOf(badText) === 'string' && errorOf(badText).includes(spec.bad.message),
		badText,
	);
	const notFoundText = turns[2]?.toolResults?.[1]?.output ?? '';
	check(
		`${label}: the provider's 404 reaches the model's next request with the provider's message`,
		typeof errorOf(notFoundText) === 'string' &&
			errorOf(notFoundText).length > 0 &&
			notFoundText.includes(spec.notFound.message) &&
			/"httpCode":"404"/.test(notFoundText),
		notFoundText,
	);
	check(
		`${label}: the last model request carries all three tool results, in order, under the call ids the model issued`,
		sameJson(
			(turns[3]?.toolResults ?? []).map((r) => r.callId),
			turns.slice(0, 3).map((t) => openai.issuedCallId(t)),
		) &&
			(turns[3]?.toolResults ?? []).every((r) => r.name === name) &&
			badResult?.output === badText &&
			notFoundResult?.output === notFoundText &&
			goodResult !== undefined &&
			errorOf(goodResult.output) == null,
		turns[3]?.toolResults,
	);

	const calls = providerCalls(sim, spec);
	check(
		`${label}: the provider got 2 requests (the 404 one and the good one), none for the rejected input`,
		calls.length === 2,
		calls.map((c) => ({ path: c.path, body: c.body })),
	);
	const good = calls.at(-1);
	check(
		`${label}: the provider received exactly the request the model asked for`,
		good && good.path === spec.request.path && sameJson(good.body, spec.request.body),
		good ? `${good.path} ${firstDifference(good.body, spec.request.body)}` : 'no request',
	);

	const toolRuns = run.runData[spec.nodeName] ?? [];
	const outputs = toolRuns.map((r) => r.data?.ai_tool?.[0]?.map((i) => i.json));
	const toolOutput = outputs.at(-1);
	check(
		`${label}: n8n ran the tool node 3 times: two error items (On Error: Continue), then the result`,
		toolRuns.length === 3 &&
			outputs[0]?.[0]?.error?.includes(spec.bad.message) &&
			typeof outputs[1]?.[0]?.error === 'string' &&
			outputs[1]?.[0]?.httpCode === '404' &&
			toolOutput?.[0] !== undefined &&
			toolOutput[0].error == null,
		outputs,
	);
	check(
		`${label}: the model saw the tool's output as n8n recorded it`,
		goodResult && toolOutput && sameJson(parseJson(goodResult.output), toolOutput),
		{ model: goodResult?.output?.slice(0, 400), n8n: toolOutput },
	);
	check(
		`${label}: the agent's answer quotes a value only the tool's result had (${quoted})`,
		typeof quoted === 'string' &&
			quoted.length > 0 &&
			typeof output === 'string' &&
			output.includes(quoted) &&
			!JSON.stringify(turns[0]?.body ?? {}).includes(quoted),
		{ quoted, output },
	);
}

/**
 * The same tool without Settings → On Error. n8n itself differs: 2.41 hands a throwing tool's
 * error to the model, 2.8 fails the whole execution. Our nodes do not throw as tools: a failed item
 * goes back to the model as an error item (nodes/common/items.ts `runsAsTool`), so on every
 * version the model gets the readable message and the run goes on.
 */
async function uncaught(rest) {
	const spec = TOOLS.dify;
	const name = toolName(spec.nodeName);
	const label = `${spec.label}, tool without On Error, n8n ${N8N_VERSION}`;
	sims.dify.reset();
	openai.script(model, [
		{ tool: name, args: spec.bad.args },
		(turn) => ({ text: `The tool said: ${errorOf(turn.toolResults.at(-1)?.output ?? '')}` }),
	]);
	let execution;
	try {
		const id = await rest.runManually(UNCAUGHT_ID, 'Start');
		execution = await inst.waitForExecutionStatus(id, { timeoutMs: 120000 });
	} catch (error) {
		checks.fail(`${label}: the agent run finishes`, error);
		return;
	}
	const run = host.summarizeRun({ data: execution.data });
	const turns = model.state.turns;
	const observed = {
		status: execution.status,
		error: run.error?.message,
		errorNode: run.error?.node?.name,
		modelRequests: turns.length,
		secondRequestHas: turns[1]?.toolResults?.[0]?.output,
		output: run.nodeOutput('AI Agent')?.[0]?.output,
	};
	console.log(`     (${label}: ${JSON.stringify(observed)})`);
	check(
		`${label}: the node's validation error goes to the model as the tool result, the run succeeds`,
		execution.status === 'success' &&
			turns.length === 2 &&
			errorOf(observed.secondRequestHas ?? '')?.includes(spec.bad.message) &&
			observed.output?.includes(spec.bad.message) &&
			sims.dify.requests.length === 0,
		observed,
	);
}

const UNCAUGHT_ID = 'e2eAgentUncaught';

async function main() {
	const t0 = Date.now();
	({ model, inst } = await startAiFixtures('agent', sims));
	const keys = Object.keys(TOOLS).filter((k) => !ONLY || ONLY.includes(k));
	const workflows = APIS.flatMap((api) =>
		keys.map((key) =>
			agentWorkflow(workflowId(key, api), TOOLS[key], { responsesApi: api !== 'chat' }),
		),
	);
	workflows.push(agentWorkflow(UNCAUGHT_ID, TOOLS.dify, { onError: null }));
	await inst.importWorkflow(workflows);
	const ts = Date.now();
	server = await inst.start({ timeoutMs: 240000 });
	console.log(`     (n8n start ready in ${since(ts)} on ${server.baseUrl})`);
	const rest = new N8nRest(server.baseUrl);
	await rest.ensureOwner();

	// the node types the editor loads: every action node has its tool variant <package>.<name>Tool
	const types = await rest.call('GET', '/types/nodes.json');
	const list = Array.isArray(types.json) ? types.json : [];
	const tools = list
		.filter((t) => t.name.startsWith(`${PKG}.`) && t.name.endsWith('Tool'))
		.map((t) => `${t.name} (${t.displayName}; outputs ${JSON.stringify(t.outputs)})`)
		.sort();
	console.log(`     (n8n ${N8N_VERSION} tool variants: ${tools.join(', ')})`);
	check(
		`n8n ${N8N_VERSION} lists a tool variant <name>Tool ("<displayName> Tool", output ai_tool) for each of the 5 action nodes, none for the trigger`,
		Object.values(TOOLS).every((spec) =>
			list.some(
				(t) =>
					t.name === spec.type && / Tool$/.test(t.displayName) && sameJson(t.outputs, ['ai_tool']),
			),
		) && !list.some((t) => t.name === `${PKG}.zaiaTriggerTool`),
		tools,
	);

	for (const api of APIS) for (const key of keys) await scenario(rest, key, api);
	await uncaught(rest);

	const logs = server.logs();
	check("the model simulator's API key appears nowhere in n8n's log", !logs.includes(openai.TOKEN));
	hostChecks(checks, inst, [server.logs()]);
	console.log(`agent: done in ${since(t0)}`);
}

// re-run on the node the host's sqlite3 was built for, else run here
if (!host.runUnderHostNode())
	runSuite({
		name: 'the agent part',
		label: `agent n8n ${N8N_VERSION}`,
		checks,
		timeoutMs: TIMEOUT_MS,
		teardown,
		main,
	});
