#!/usr/bin/env node
'use strict';
/**
 * e2e part "run": every example workflow in a real n8n (dev/host) with this package loaded, against
 * the provider simulator (in this process, random loopback ports). Each provider's examples and
 * what they must produce live in test/e2e/examples/<provider>.js; this file sets up, runs them in
 * a fixed order (the simulators' request logs are shared), starts `n8n start` between the Zaia
 * export's two halves, and checks the editor's REST API (credential Test buttons, ClickUp pickers).
 * n8n's webhook URL points at a gate proxy (test/e2e/lib.js) so callbacks the simulator makes while
 * n8n is not started yet are held, then released in a known order.
 *
 *   node test/e2e/run.js            (after npm run build and bash scripts/install-n8n.sh)
 *   KEEP_N8N_FOLDER=1 ...           keep the temp n8n user folder
 * Prints `N passed, N failed` last; exit 1 on any failure. Bounded: E2E_TIMEOUT_MS (default 20 min).
 */
const host = require('../../dev/host/index');
if (host.runUnderHostNode()) return; // re-run on the node the host's sqlite3 was built for
const { ProviderSimulator, providers } = require('../../dev/simulator');
const {
	runSuite,
	hostChecks,
	N8nRest,
	CREDENTIALS,
	WORKFLOWS,
	GateProxy,
	Checks,
	demoCredentials,
	loadExamples,
	retarget,
} = require('./lib');
const clickup = require('./examples/clickup');
const devrev = require('./examples/devrev');
const dify = require('./examples/dify');
const gravityrail = require('./examples/gravityrail');
const zaia = require('./examples/zaia');
// until the reply-loop part (test/e2e/reply-loop.js) runs it, the ClickUp case runs here
const clickupReplyLoop = require('./reply-loop/clickup');
const devrevReplyLoop = require('./reply-loop/devrev');
const gravityrailReplyLoop = require('./reply-loop/gravityrail');

const checks = new Checks();
const check = checks.check.bind(checks);
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 20 * 60 * 1000);

/**
 * What the example modules get: the checks, the simulators, the instance, the gate, the server
 * (once started), execute() and describeRun().
 */
const t = { checks, check, sims: {}, inst: undefined, gate: undefined, server: undefined };
const sims = t.sims;

function since(t0) {
	return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

async function teardown() {
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
	if (t.gate) await t.gate.stop().catch(() => {});
	await Promise.all(Object.values(sims).map((s) => s.stop().catch(() => {})));
}

/** Run one workflow with `n8n execute`; logs how long it took; returns the host's result. */
async function execute(id, label) {
	const t0 = Date.now();
	const run = await t.inst.execute(id, { timeoutMs: 180000 });
	console.log(
		`     (${label ?? id}: n8n execute exit ${run.code ?? run.signal}${run.crashedOnExit ? ' — n8n crashed while exiting, after printing the finished run' : ''}, status ${run.status}, ${since(t0)})`,
	);
	return run;
}

function describeRun(run) {
	return `exit ${run.code}${run.signal ? ` (killed by ${run.signal})` : ''}${run.timedOut ? ' (timed out)' : ''}, status ${run.status}, error ${JSON.stringify(run.error?.message ?? null)}; stdout tail: ${run.stdout.slice(-1500)} stderr tail: ${run.stderr.slice(-800)}`;
}

t.execute = execute;
t.describeRun = describeRun;

/** What the editor does through n8n's REST API: every credential's Test button, and a list picker. */
async function editorApi() {
	const rest = new N8nRest(t.server.baseUrl);
	await rest.ensureOwner();
	for (const [type, ref] of Object.entries(CREDENTIALS)) {
		const stored = await rest.call('GET', `/rest/credentials/${ref.id}?includeData=true`);
		const data = stored.json?.data;
		const tested = await rest.call('POST', '/rest/credentials/test', {
			credentials: { id: data?.id, name: data?.name, type: data?.type, data: data?.data },
		});
		const result = tested.json?.data;
		check(
			`${type}: the editor's Test button succeeds against the simulator`,
			result?.status === 'OK',
			result ?? tested.text.slice(0, 300),
		);
	}
	const bad = await rest.call('POST', '/rest/credentials/test', {
		credentials: {
			id: 'e2eBadKeyZaia001',
			name: 'Zaia (bad key)',
			type: 'zaiaApi',
			data: {
				...(await rest.call('GET', '/rest/credentials/e2eBadKeyZaia001?includeData=true')).json
					?.data?.data,
			},
		},
	});
	check(
		'zaiaApi with a wrong key: the Test button fails with an authorization error',
		bad.json?.data?.status === 'Error' &&
			/401|refused|authorization failed/i.test(bad.json?.data?.message ?? ''),
		bad.json ?? bad.text.slice(0, 300),
	);
	const picked = await rest.call('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
		methodName: 'getWorkspaces',
		nodeTypeAndVersion: { name: 'n8n-nodes-chat-connectors.clickUpChat', version: 1 },
		path: 'parameters.workspaceId',
		currentNodeParameters: {
			authentication: 'accessToken',
			resource: 'channel',
			operation: 'createDirectMessage',
			workspaceId: { __rl: true, mode: 'list', value: '' },
		},
		credentials: { clickUpChatApi: CREDENTIALS.clickUpChatApi },
		filter: 'acme',
	});
	const results = picked.json?.data?.results ?? [];
	check(
		"ClickUp Chat: the Workspace picker lists the simulator's workspaces, filtered",
		results.length === 1 && results[0].value === providers.clickup.WORKSPACES[0].id,
		picked.json ?? picked.text.slice(0, 300),
	);
	const channelsPicked = await rest.call(
		'POST',
		'/rest/dynamic-node-parameters/resource-locator-results',
		{
			methodName: 'getChannels',
			nodeTypeAndVersion: { name: 'n8n-nodes-chat-connectors.clickUpChat', version: 1 },
			path: 'parameters.channelId',
			currentNodeParameters: {
				authentication: 'accessToken',
				resource: 'message',
				operation: 'getAll',
				workspaceId: { __rl: true, mode: 'id', value: providers.clickup.WORKSPACES[0].id },
				channelId: { __rl: true, mode: 'list', value: '' },
			},
			credentials: { clickUpChatApi: CREDENTIALS.clickUpChatApi },
			filter: 'engin',
		},
	);
	const channelResults = channelsPicked.json?.data?.results ?? [];
	check(
		"ClickUp Chat: the Channel picker lists the picked Workspace's channels, filtered",
		channelResults.length === 1 &&
			channelResults[0].value === '8cdu0engineering' &&
			channelResults[0].name === '#engineering',
		channelsPicked.json ?? channelsPicked.text.slice(0, 300),
	);

	// No secret in n8n's own log (server log at info level, after every example, failure and callback above).
	const secrets = Object.values(providers).flatMap((p) =>
		[p, ...(p.moreCredentials ?? [])]
			.flatMap((c) => Object.entries(c.demoCredential('http://127.0.0.1:1')))
			.filter(([k, v]) => /key|token|secret/i.test(k) && typeof v === 'string' && v.length >= 8)
			.map(([, v]) => v),
	);
	const logs = t.server.logs();
	check(
		`none of the ${secrets.length} credential secrets appears in n8n's log (${logs.length} characters)`,
		secrets.length >= 5 && secrets.every((v) => !logs.includes(v)),
		secrets.filter((v) => logs.includes(v)).map((v) => `${v.slice(0, 4)}…`),
	);
}

async function main() {
	const t0 = Date.now();
	if (!host.isInstalled()) throw new Error('n8n is not installed: run bash scripts/install-n8n.sh');
	for (const name of Object.keys(providers).sort()) {
		sims[name] = new ProviderSimulator(providers[name]);
		await sims[name].start();
	}
	const urls = Object.fromEntries(Object.entries(sims).map(([n, s]) => [n, s.baseUrl]));
	const gate = (t.gate = await new GateProxy().start());
	const inst = (t.inst = host.createInstance({ webhookUrl: `${gate.baseUrl}/` }));
	await inst.ensurePort();
	gate.targetPort = inst.port;
	console.log(
		`e2e: n8n ${inst.version} (node ${process.version}), folder ${inst.userFolder}, port ${inst.port}, gate ${gate.baseUrl}, simulators ${JSON.stringify(urls)}`,
	);

	const credentials = demoCredentials(providers, urls);
	credentials.push(...zaia.credentials(urls));
	await inst.importCredentials(credentials);

	const examples = loadExamples();
	check(
		`examples/ has the ${Object.keys(WORKFLOWS).length} example workflows, each with a fixed id`,
		examples.length >= Object.keys(WORKFLOWS).length &&
			Object.values(WORKFLOWS).every((id) => examples.some((e) => e.workflow.id === id)),
		examples.map((e) => `${e.file}:${e.workflow.id}`),
	);
	for (const { file, workflow } of examples) {
		const creds = workflow.nodes.flatMap((n) => Object.entries(n.credentials ?? {}));
		const ok = creds.every(
			([type, ref]) =>
				CREDENTIALS[type] && CREDENTIALS[type].id === ref.id && CREDENTIALS[type].name === ref.name,
		);
		const sticky = workflow.nodes.some(
			(n) => n.type === 'n8n-nodes-base.stickyNote' && n.parameters.content.length > 40,
		);
		const start = workflow.nodes.some(
			(n) => n.type === 'n8n-nodes-base.manualTrigger' || n.type.endsWith('Trigger'),
		);
		check(
			`${file}: credentials by the demo's fixed ids, a sticky note, a manual trigger or one of ours`,
			ok && sticky && start,
			creds,
		);
	}
	const workflows = examples.map(({ workflow }) => retarget(workflow, gate.baseUrl));
	const extra = [
		zaia.badKeyWorkflow(workflows),
		dify.providerErrorWorkflow(workflows),
		zaia.shortSecretWorkflow(workflows),
	];
	const ti = Date.now();
	await inst.importWorkflow([...workflows, ...extra]);
	console.log(
		`     (credentials + ${workflows.length + extra.length} workflows imported, ${since(ti)})`,
	);

	await clickup.examples(t);
	await devrev.examples(t);
	await dify.examples(t);
	await gravityrail.examples(t);
	await zaia.examples(t);
	await dify.workflowExamples(t);
	await zaia.badKey(t);
	await dify.providerError(t);
	const pending = await zaia.beforeStart(t);
	await clickupReplyLoop.before(t);
	await devrevReplyLoop.before(t);
	await gravityrailReplyLoop.before(t);
	const ts = Date.now();
	const server = (t.server = await inst.start({ timeoutMs: 240000 }));
	console.log(`     (n8n start ready in ${since(ts)} on ${server.baseUrl})`);
	gate.targetPort = server.port;
	await zaia.afterStart(t, pending);
	await clickupReplyLoop.run(t);
	await devrevReplyLoop.run(t);
	await gravityrailReplyLoop.run(t);
	await editorApi();
	hostChecks(checks, inst, [server.logs()]);
	console.log(`e2e: done in ${since(t0)}`);
}

runSuite({
	name: 'the suite',
	label: `e2e n8n ${host.DEFAULT_HOST.version}`,
	checks,
	timeoutMs: TIMEOUT_MS,
	teardown,
	main,
});
