#!/usr/bin/env node
'use strict';
/**
 * e2e part "chat": Dify streaming into n8n's Chat, in a real n8n (`n8n start`), called over HTTP
 * the way n8n's chat client (@n8n/chat, `enableStreaming`) calls a public Chat Trigger:
 *   POST <n8n>/webhook/<webhookId>/chat   {"action":"sendMessage","sessionId":…,"chatInput":…}
 *   Content-Type: application/json, Accept: text/plain
 * and reading the answer as n8n streams it: newline-delimited JSON chunks
 *   {"type":"begin"|"item"|"end"|"error","content":…,"metadata":{nodeId,nodeName,itemIndex,runIndex,…}}
 * Scenarios: Chat Trigger → Dify (test/e2e/chat/dify.js), Chat Trigger → AI Agent with the Dify
 * node as a tool (test/e2e/chat/agent.js); the chat client is test/e2e/chat/client.js.
 *
 *   node test/e2e/chat.js      (after npm run build; N8N_VERSION / N8N_HOST_DIR pick the n8n)
 * Prints `N passed, N failed` last; exit 1 on any failure. Bounded: E2E_CHAT_TIMEOUT_MS (10 min).
 */
const host = require('../../dev/host/index');
const { providers } = require('../../dev/simulator');
const openai = require('../../dev/simulator/models/openai');
const { runSuite, hostChecks, N8nRest, Checks } = require('./lib');
const { chatDifyWorkflow, chatAgentWorkflow, startAiFixtures } = require('./workflows/ai');
const { difyStreams, difyErrorEvent, difyCancel } = require('./chat/dify');
const { agentStreams, agentErrorEvent, agentStop } = require('./chat/agent');

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

/**
 * What the scenarios share: the checks, the simulators and the model simulator, the instance and
 * its server and REST client (once started), the chat requests still open (closed at teardown),
 * and every chunk any chat response carried (for the no-secret check at the end).
 */
const t = {
	checks,
	check,
	sims: {},
	model: undefined,
	inst: undefined,
	server: undefined,
	rest: undefined,
	open: new Set(),
	everyChunk: [],
};

async function teardown() {
	for (const req of t.open) req.destroy();
	try {
		if (t.server) await t.server.stop();
	} catch {
		/* best effort */
	}
	try {
		if (t.inst) await t.inst.cleanup();
	} catch {
		/* best effort */
	}
	await Promise.all(
		[...Object.values(t.sims), t.model].filter(Boolean).map((s) => s.stop().catch(() => {})),
	);
}

const since = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

async function main() {
	const t0 = Date.now();
	({ model: t.model, inst: t.inst } = await startAiFixtures('chat', t.sims));
	const { inst } = t;
	await inst.importWorkflow([
		chatDifyWorkflow(WF.dify.id, WF.dify.webhookId),
		chatAgentWorkflow(WF.agent.id, WF.agent.webhookId, { responsesApi: true }),
		chatAgentWorkflow(WF.agentCc.id, WF.agentCc.webhookId, { responsesApi: false }),
	]);
	for (const wf of Object.values(WF)) await inst.publishWorkflow(wf.id);
	const ts = Date.now();
	const server = (t.server = await inst.start({ timeoutMs: 240000 }));
	console.log(`     (n8n start ready in ${since(ts)} on ${server.baseUrl})`);
	t.rest = new N8nRest(server.baseUrl);
	await t.rest.ensureOwner();

	const parts = [
		['dify', () => difyStreams(t, WF.dify)],
		['dify-error', () => difyErrorEvent(t, WF.dify)],
		['dify-cancel', () => difyCancel(t, WF.dify)],
		['agent', () => agentStreams(t, WF.agent, 'responses')],
		['agent-error', () => agentErrorEvent(t, WF.agent, 'responses')],
		['agent-stop', () => agentStop(t, WF.agent, 'responses')],
		['agent-cc', () => agentStreams(t, WF.agentCc, 'chat')],
		['agent-cc-error', () => agentErrorEvent(t, WF.agentCc, 'chat')],
		['agent-cc-stop', () => agentStop(t, WF.agentCc, 'chat')],
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
		(v) => JSON.stringify(t.everyChunk).includes(v) || server.logs().includes(v),
	);
	check(
		`no API key (Dify's, the model's) in the ${t.everyChunk.length} chat chunks or n8n's log`,
		t.everyChunk.length > 0 && leaked.length === 0,
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
