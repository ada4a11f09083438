#!/usr/bin/env node
'use strict';
/**
 * The demo (run by scripts/demo.sh, which installs and builds first): the provider simulator
 * (scripts/simulator.js, fixed ports 127.0.0.1:5710+), and the newest hosted n8n (2.41.1, on
 * node 24; N8N_VERSION=2.8.4 for the oldest) on 127.0.0.1:5678 (or N8N_PORT) with this package, a credential per provider pointing at the simulator, every example
 * workflow imported, the Zaia Trigger, ClickUp channel assistant and DevRev DM support examples published (the
 * simulated #general has the assistant's "Call webhook" Automation), and an owner account created. Its data
 * lives in .n8n-demo/ (or N8N_DEMO_DIR) and survives restarts; re-running refreshes the package,
 * credentials and examples (same ids) and keeps everything else. Runs until Ctrl-C.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const host = require('../dev/host/index');
if (host.runUnderHostNode()) return; // n8n's sqlite3 is built for the host's node
const { providers } = require('../dev/simulator');
const {
	WORKFLOWS,
	demoCredentials,
	loadExamples,
	retarget,
	REPO_ROOT,
} = require('../dev/examples');
const { DEMO_OWNER, N8nRest } = require('../dev/host/rest');

const PORT = Number(process.env.N8N_PORT || 5678);
/** The ClickUp Chat Trigger's webhook id in examples/clickup-channel-assistant.json. */
const CLICKUP_ASSISTANT_WEBHOOK = 'e2e000c1-0000-4000-8000-00000000c1c1';
const DEMO_DIR = path.resolve(process.env.N8N_DEMO_DIR || path.join(REPO_ROOT, '.n8n-demo'));

let simulator;
let server;
let stopping = false;

function say(text) {
	console.log(`demo: ${text}`);
}

/** Start scripts/simulator.js and read the {provider: baseUrl} JSON it prints. */
function startSimulator() {
	return new Promise((resolve, reject) => {
		const proc = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'simulator.js')], {
			cwd: REPO_ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				ZAIA_SIM_CALLBACK_DELAY_MS: '6000', // export-and-wait shows Waiting
				// #general's "Message is posted" → "Call webhook" Automation, to the channel assistant
				CLICKUP_SIM_AUTOMATION_URL: `http://127.0.0.1:${PORT}/webhook/${CLICKUP_ASSISTANT_WEBHOOK}/clickup-chat?channel_id={{Channel ID}}&comment_id={{Comment ID}}`,
			},
		});
		let out = '';
		let err = '';
		const timer = setTimeout(() => {
			proc.kill('SIGKILL');
			reject(new Error(`the simulator printed no addresses within 30 s\n${out}${err}`));
		}, 30000);
		proc.stdout.on('data', (d) => {
			out += d.toString();
			const end = out.indexOf('}');
			if (end >= 0) {
				clearTimeout(timer);
				try {
					resolve({ proc, urls: JSON.parse(out.slice(out.indexOf('{'), end + 1)) });
				} catch (error) {
					reject(error);
				}
			}
		});
		proc.stderr.on('data', (d) => (err += d.toString()));
		proc.on('exit', (code) => {
			clearTimeout(timer);
			if (!stopping)
				reject(
					new Error(
						`the simulator exited (${code}): ${err.trim() || out.trim()}${/EADDRINUSE/.test(err) ? '\n(ports 5710+ are taken: is another demo still running?)' : ''}`,
					),
				);
		});
	});
}

async function portTaken(port) {
	const res = await host.httpGet(`http://127.0.0.1:${port}/healthz`, { timeoutMs: 1000 });
	return res.status !== 0;
}

async function shutdown(code) {
	if (stopping) return;
	stopping = true;
	say('stopping n8n and the simulator …');
	try {
		if (server) await server.stop();
	} catch {
		/* best effort */
	}
	if (simulator && simulator.exitCode === null) {
		simulator.kill('SIGTERM');
		await new Promise((resolve) => {
			const t = setTimeout(() => {
				simulator.kill('SIGKILL');
				resolve();
			}, 5000);
			simulator.once('exit', () => {
				clearTimeout(t);
				resolve();
			});
		});
	}
	say('stopped');
	process.exit(code);
}

async function main() {
	if (await portTaken(PORT))
		throw new Error(`127.0.0.1:${PORT} is already in use: stop what runs there, or set N8N_PORT`);
	const sim = await startSimulator();
	simulator = sim.proc;
	say(
		`simulator: ${Object.entries(sim.urls)
			.map(([n, u]) => `${n} ${u}`)
			.join(', ')}`,
	);

	fs.mkdirSync(DEMO_DIR, { recursive: true });
	// copies the freshly built package into <DEMO_DIR>/.n8n/nodes/node_modules (every run)
	// no egress guard: a user may point a credential at the real provider; n8n's own calls home
	// (telemetry, version checks, catalogues) are switched off by the host's env all the same
	const inst = host.createInstance({ userFolder: DEMO_DIR, port: PORT, egressGuard: false });
	say(`n8n ${inst.version} (node ${process.version}), data folder: ${DEMO_DIR}`);

	const credentials = demoCredentials(providers, sim.urls);
	await inst.importCredentials(credentials);
	const examples = loadExamples().map(({ workflow }) =>
		retarget(workflow, `http://127.0.0.1:${PORT}/`),
	);
	await inst.importWorkflow(examples);
	await inst.publishWorkflow(WORKFLOWS.zaiaTrigger);
	await inst.publishWorkflow(WORKFLOWS.clickupAssistant);
	await inst.publishWorkflow(WORKFLOWS.devrevSupport);
	say(
		`${credentials.length} credentials and ${examples.length} example workflows imported; "Zaia Trigger: receive an export", "ClickUp Chat: channel assistant" and "DevRev Trigger: answer DMs with Dify" published`,
	);

	say(`starting n8n on http://127.0.0.1:${PORT} (log: ${path.join(DEMO_DIR, 'n8n.log')}) …`);
	const logFile = fs.createWriteStream(path.join(DEMO_DIR, 'n8n.log'), { flags: 'a' });
	server = await inst.start({ port: PORT, timeoutMs: 300000 });
	logFile.write(server.logs()); // colour codes already stripped
	server.proc.stdout.on('data', (d) => logFile.write(host.stripAnsi(d.toString('utf8'))));
	server.proc.stderr.on('data', (d) => logFile.write(host.stripAnsi(d.toString('utf8'))));
	server.proc.on('exit', (code, signal) => {
		if (!stopping) {
			console.error(
				`demo: n8n exited unexpectedly (${code ?? signal}); see ${path.join(DEMO_DIR, 'n8n.log')}`,
			);
			shutdown(1);
		}
	});

	const rest = new N8nRest(server.baseUrl);
	let owner;
	try {
		owner = await rest.ensureOwner(DEMO_OWNER);
	} catch (error) {
		owner = `not set up (${error.message.split('\n')[0]}): fill in the setup form in the browser`;
	}

	console.log(`
================================================================================
 n8n ${inst.version} is running with n8n-nodes-chat-connectors: http://127.0.0.1:${PORT}/

 Sign in: ${DEMO_OWNER.email} / ${DEMO_OWNER.password}   (owner account ${owner === 'created' ? 'created now' : owner === 'existing' ? 'of an earlier run' : owner})

 Then open Overview → any example workflow and click "Execute workflow":
   ClickUp Chat: a conversation in a DM          DevRev: create (or open) a DM
   Dify: a conversation in two turns             Dify: streaming Agent app
   Gravity Rail: create a chat and a DM          Zaia: post a message, then read the chat
   Zaia: export to the Zaia Trigger  → its export arrives as an execution of
                                       "Zaia Trigger: receive an export" (Overview → Executions)
   Zaia: export and wait             → waits for the export, then shows it
 ClickUp channel assistant (published): post in the simulated #general as a person,
   curl -X POST ${sim.urls.clickup}/sim/channels/8cdu0general0001/messages \\
        -H 'content-type: application/json' -d '{"content":"What is n8n?"}'
   → an execution of "ClickUp Chat: channel assistant" answers in the message's thread
     (read it with the ClickUp Chat node: Message → Get Replies).
 DevRev DM support (published): run "DevRev: create (or open) a DM" first (on a fresh demo its DM
   is dm/1), then comment in that DM as a person,
   curl -X POST ${sim.urls.devrev}/sim/timeline-comments -H 'content-type: application/json' \
        -d '{"object":"don:core:dvrv-us-1:devo/0:dm/1","body":"What is n8n?"}'
   → an execution of "DevRev Trigger: answer DMs with Dify" posts Dify's answer in that DM
     (its own reply does not start it again).
 Every credential points at the built-in simulator (${Object.values(sim.urls)[0].replace(/:\d+.*/, ':57xx')}); to use a real
 account, open the credential, put in your key and set Base URL back to the provider's.

 Press Ctrl-C to stop n8n and the simulator (data stays in ${path.relative(process.cwd(), DEMO_DIR) || DEMO_DIR}/).
================================================================================
`);
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
main().catch(async (error) => {
	console.error(`demo: ${error.stack || error.message}`);
	await shutdown(1);
});
