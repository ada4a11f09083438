#!/usr/bin/env node
'use strict';
/**
 * Install as users do: every package `npm run build:packages` makes (one per service and the
 * bundle), each alone in a fresh n8n user folder, the way its README says:
 *
 *   1. `npm pack` of the package's folder (what `npm publish` would upload);
 *   2. the manual-install lines of the README inside that tarball, run as written
 *      (`mkdir -p ~/.n8n/nodes && cd ~/.n8n/nodes`, `npm install <package>` with the tarball in
 *      place of the name) by the machine's npm on the node this n8n version runs on: exactly
 *      one package lands in node_modules (no n8n-workflow, no dependency tree);
 *   3. `n8n start` (the restart): n8n lists exactly that package's nodes (and their AI-tool
 *      variants) and credentials, none of another package, every icon answers and every node
 *      has its codex (categories); nothing failed to load;
 *   4. the examples that ship in the package (node types renamed for a service package) are
 *      imported with credentials pointing at the simulator and run as the editor runs them
 *      (REST /rest/workflows/:id/run); a published trigger example must be started by the
 *      export another example sends it; export-and-wait must resume and finish.
 *
 * Runs once per n8n version (scripts/e2e.sh sets N8N_VERSION / N8N_HOST_DIR / N8N_NODE).
 *   node test/e2e/install.js                       (after npm run build)
 *   E2E_INSTALL_PACKAGES="n8n-nodes-zaia" ...      only some packages
 *   KEEP_N8N_FOLDER=1 ...                           keep the temp n8n user folders
 * Prints `N passed, N failed` last; exit 1 on any failure. Bounded: E2E_INSTALL_TIMEOUT_MS
 * (default 25 min).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const host = require('../../dev/host/index');
if (host.runUnderHostNode()) return; // re-run on the node the host's sqlite3 was built for
const packages = require('../../dev/packages');
const { ProviderSimulator, providers } = require('../../dev/simulator');
const {
	runSuite,
	hostChecks,
	Checks,
	N8nRest,
	demoCredentials,
	retarget,
	sameJson,
} = require('./lib');
const clickupReplyLoop = require('./reply-loop/clickup');
const devrevReplyLoop = require('./reply-loop/devrev');
const gravityrailReplyLoop = require('./reply-loop/gravityrail');
const { manualInstallCommand, npmInstall } = require('./install/user');

const checks = new Checks();
const check = checks.check.bind(checks);
const TIMEOUT_MS = Number(process.env.E2E_INSTALL_TIMEOUT_MS || 25 * 60 * 1000);
const ONLY = (process.env.E2E_INSTALL_PACKAGES || '').split(/[\s,]+/).filter(Boolean);
const VERSION = host.DEFAULT_HOST.version;

const sims = {};
let work;
let inst;
let server;

function since(t0) {
	return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

/** Stops this package's n8n and removes its user folder (unless KEEP_N8N_FOLDER=1). */
async function closeInstance() {
	try {
		if (server) await server.stop();
	} catch {
		/* best effort */
	}
	server = null;
	try {
		if (inst) await inst.cleanup();
	} catch {
		/* best effort */
	}
	inst = null;
}

async function teardown() {
	await closeInstance();
	await Promise.all(Object.values(sims).map((s) => s.stop().catch(() => {})));
	if (work && process.env.KEEP_N8N_FOLDER !== '1')
		fs.rmSync(work, { recursive: true, force: true });
}

function iconUrls(type) {
	const url = type.iconUrl;
	if (!url) return [];
	return typeof url === 'string' ? [url] : Object.values(url);
}

/** The output schemas the repository has for a node (by its name without the package). */
function repoSchemas(nodeName) {
	const root = path.resolve(__dirname, '..', '..');
	const file = require(path.join(root, 'package.json')).n8n.nodes.find((f) => {
		const base = path.basename(f).replace(/\.node\.js$/, '');
		return base.charAt(0).toLowerCase() + base.slice(1) === nodeName;
	});
	if (!file) return [];
	const dir = path.join(root, path.dirname(file).replace(/^dist\//, ''), '__schema__');
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true })
		.filter((f) => String(f).endsWith('.json'))
		.map((f) => {
			const [v, resource, op] = String(f).split(path.sep);
			return {
				version: v.slice(1),
				resource,
				operation: op.replace(/\.json$/, ''),
				schema: JSON.parse(fs.readFileSync(path.join(dir, String(f)), 'utf8')),
			};
		});
}

function isTriggerStart(workflow) {
	return !workflow.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger');
}

/** One package, alone in a fresh n8n: install as its README says, start, list, run its examples. */
async function checkPackage(planned, unit, tarball, urls) {
	const t0 = Date.now();
	const name = unit.name;
	const label = `${name} on n8n ${VERSION}`;
	inst = host.createInstance({ link: false });
	await inst.ensurePort();
	console.log(`--- ${name}: n8n ${VERSION}, user folder ${inst.userFolder}, port ${inst.port}`);

	// 1-2: the README's manual install, from the tarball
	const readme = execFileSync('tar', ['-xzOf', tarball, 'package/README.md'], { encoding: 'utf8' });
	const command = manualInstallCommand(readme, name);
	check(
		`${name}: its README's manual install is \`cd ~/.n8n/nodes\` + \`npm install ${name}\``,
		command?.matches && command.entersNodesFolder,
		command?.lines ?? 'no `npm install` block in README.md',
	);
	const installed = await npmInstall({
		userFolder: inst.userFolder,
		nodeBin: inst.host.nodeBin,
		spec: tarball,
	});
	const nodeVersion = execFileSync(inst.host.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
	console.log(
		`     (npm ${installed.npmVersion} on node ${nodeVersion}: exit ${installed.code} in ${installed.ms} ms; ${installed.out.split('\n').find((l) => /^(added|up to date)/.test(l.trim())) ?? installed.out.trim().split('\n').at(-1)})`,
	);
	check(
		`${label}: \`npm install\` in ~/.n8n/nodes (npm ${installed.npmVersion}, node ${nodeVersion}) adds this one package and nothing else`,
		installed.code === 0 &&
			sameJson(installed.installed, [name]) &&
			/added 1 package/.test(installed.out),
		{ code: installed.code, installed: installed.installed, out: installed.out.slice(-1500) },
	);
	const pkgDir = path.join(installed.nodesDir, 'node_modules', name);
	if (!fs.existsSync(pkgDir)) return;

	// 4 (set-up): credentials for the simulator, the shipped examples pointed at this n8n
	const credentialTypes = new Set(unit.credentials.map((c) => c.name));
	const credentials = demoCredentials(providers, urls).filter((c) => credentialTypes.has(c.type));
	await inst.importCredentials(credentials);
	const exampleDir = path.join(pkgDir, 'examples');
	const files = fs.existsSync(exampleDir)
		? fs.readdirSync(exampleDir).filter((f) => f.endsWith('.json'))
		: [];
	const examples = files.sort().map((file) => ({
		file,
		workflow: retarget(
			JSON.parse(fs.readFileSync(path.join(exampleDir, file), 'utf8')),
			inst.baseUrl,
		),
	}));
	const foreign = examples.filter(({ workflow }) =>
		workflow.nodes.some(
			(n) => !n.type.startsWith('n8n-nodes-base.') && !n.type.startsWith(`${name}.`),
		),
	);
	check(
		`${name}: ships its ${unit.examples.length} examples, every node of ours typed ${name}.*`,
		sameJson(files.sort(), [...unit.examples].sort()) && foreign.length === 0,
		{ files, foreign: foreign.map((e) => e.file) },
	);
	await inst.importWorkflow(examples.map((e) => e.workflow));
	const triggered = examples.filter(({ workflow }) => isTriggerStart(workflow));
	for (const { workflow } of triggered) await inst.publishWorkflow(workflow.id);

	// 3: the restart
	const ts = Date.now();
	server = await inst.start({ timeoutMs: 240000 });
	console.log(`     (n8n start ready in ${since(ts)} on ${server.baseUrl})`);
	const rest = new N8nRest(server.baseUrl);
	await rest.ensureOwner();

	const nodeTypes = (await rest.call('GET', '/types/nodes.json')).json ?? [];
	const community = [
		...new Set(
			nodeTypes
				.map((t) => t.name)
				.filter((n) => !n.startsWith('n8n-nodes-base.') && !n.startsWith('@n8n/')),
		),
	].sort();
	const expected = unit.nodes
		.flatMap((n) => [`${name}.${n.name}`, ...(n.usableAsTool ? [`${name}.${n.name}Tool`] : [])])
		.sort();
	check(
		`${label}: n8n lists its ${unit.nodes.length} node(s) (${unit.nodes.map((n) => n.displayName).join(', ')}) with their tool variants, and no other package's`,
		sameJson(community, expected),
		{ listed: community, expected },
	);
	const credentialList = (await rest.call('GET', '/types/credentials.json')).json ?? [];
	const ours = new Set(planned.bundle.credentials.map((c) => c.name));
	const listedCredentials = credentialList
		.map((c) => c.name)
		.filter((n) => ours.has(n))
		.sort();
	check(
		`${label}: n8n lists its credential(s) ${[...credentialTypes].join(', ')} and no other of ours`,
		sameJson(listedCredentials, [...credentialTypes].sort()),
		listedCredentials,
	);
	const ourTypes = nodeTypes.filter(
		(t) => t.name.startsWith(`${name}.`) && !t.name.endsWith('Tool'),
	);
	const icons = [];
	for (const type of ourTypes)
		for (const url of iconUrls(type)) {
			const res = await rest.call('GET', `/${url.replace(/^\//, '')}`);
			icons.push({ url, status: res.status, svg: res.text.includes('<svg') });
		}
	check(
		`${label}: every icon of its nodes is served (${icons.length})`,
		icons.length >= ourTypes.length && icons.every((i) => i.status === 200 && i.svg),
		icons,
	);
	check(
		`${label}: every node has its codex (node panel categories)`,
		ourTypes.length > 0 && ourTypes.every((t) => t.codex?.categories?.length > 0),
		ourTypes.map((t) => ({ name: t.name, codex: t.codex })),
	);

	// the output schemas the editor shows before a run: served from the installed package, as in
	// the repository (the request's version has three parts, as the editor sends it)
	const served = [];
	for (const type of ourTypes.filter((t) => !t.group?.includes('trigger'))) {
		for (const { version, resource, operation, schema } of repoSchemas(type.name.split('.')[1])) {
			const res = await rest.call(
				'GET',
				`/schemas/${type.name}/${version}/${resource}/${operation}.json`,
			);
			served.push({
				problem: res.status === 200 && sameJson(res.json, schema) ? null : `HTTP ${res.status}`,
				op: `${type.name} ${version} ${resource}/${operation}`,
			});
		}
	}
	check(
		`${label}: n8n serves every output schema of its nodes (${served.length})`,
		served.length > 0 && served.every((s) => s.problem === null),
		served.filter((s) => s.problem !== null).slice(0, 10),
	);

	// 4: the examples, as the editor's Execute workflow runs them
	for (const { file, workflow } of examples.filter(({ workflow }) => !isTriggerStart(workflow))) {
		const te = Date.now();
		let execution;
		try {
			const id = await rest.runManually(workflow.id);
			execution = await inst.waitForExecutionStatus(id, { timeoutMs: 120000 });
		} catch (error) {
			checks.fail(`${label}: example ${file} runs`, error);
			continue;
		}
		const run = host.summarizeRun({ data: execution.data });
		const ran = workflow.nodes
			.filter((n) => n.type.startsWith(`${name}.`))
			.map((n) => ({ node: n.name, items: run.nodeOutput(n.name)?.length ?? 0 }));
		check(
			`${label}: example ${file} runs to success, every ${unit.displayName} node with output (${since(te)})`,
			execution.status === 'success' && ran.length > 0 && ran.every((r) => r.items > 0),
			{ status: execution.status, error: execution.data?.resultData?.error?.message, ran },
		);
	}
	// the ClickUp channel assistant starts when a person posts in the simulated channel: the
	// reply-loop case posts, and checks the one execution and its reply
	// the same for the DevRev DM assistant (a person comments in a DM) and the Gravity Rail new
	// chat (an Event Rule fires on a chat created through the API)
	for (const replyLoop of [clickupReplyLoop, devrevReplyLoop, gravityrailReplyLoop])
		if (triggered.some(({ workflow }) => workflow.id === replyLoop.WORKFLOW_ID))
			await replyLoop.run({
				check: (what, ...rest) => check(`${label}: ${what}`, ...rest),
				inst,
				server,
				sims,
			});
	for (const { file, workflow } of triggered) {
		let done = [];
		const deadline = Date.now() + 60000;
		while (Date.now() < deadline) {
			done = await inst.listExecutions({ workflowId: workflow.id });
			if (done.some((e) => ['success', 'error', 'crashed'].includes(e.status))) break;
			await host.sleep(300);
		}
		check(
			`${label}: example ${file} (published) was started (by the export another example sent, a message posted in the simulated channel or DM, or a chat created), and succeeded`,
			done.length > 0 && done.every((e) => e.status === 'success'),
			done,
		);
	}

	const logs = server.logs();
	const loadErrors = logs
		.split('\n')
		.filter((l) => /error loading package|failed to load package|could not be loaded/i.test(l));
	check(`${label}: n8n loaded it without an error`, loadErrors.length === 0, loadErrors);
	hostChecks(checks, inst, [logs]);

	await closeInstance();
	console.log(`     (${name}: ${since(t0)})`);
}

async function main() {
	const t0 = Date.now();
	if (!host.isInstalled()) throw new Error('n8n is not installed: run bash scripts/install-n8n.sh');
	const planned = packages.plan();
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-connectors-install-'));
	const built = packages.writeAll(planned, path.join(work, 'packages'));
	const units = [...planned.services, planned.bundle].filter(
		(u) => !ONLY.length || ONLY.includes(u.name),
	);
	const tarballs = {};
	for (const { name, dir } of built) {
		if (!units.some((u) => u.name === name)) continue;
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
				cwd: dir,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}),
		);
		tarballs[name] = path.join(work, packed.filename);
	}
	console.log(
		`install: n8n ${VERSION} (node ${process.version}), ${units.length} packages packed in ${since(t0)}: ${Object.keys(tarballs).join(', ')}`,
	);

	for (const name of Object.keys(providers).sort()) {
		sims[name] = new ProviderSimulator(providers[name]);
		await sims[name].start();
	}
	// export-and-wait: call back once the execution is stored as waiting
	sims.zaia.state.callbackDelayMs = 3000;
	const urls = Object.fromEntries(Object.entries(sims).map(([n, s]) => [n, s.baseUrl]));

	for (const unit of units) {
		try {
			await checkPackage(planned, unit, tarballs[unit.name], urls);
		} catch (error) {
			checks.fail(`${unit.name} on n8n ${VERSION}: installed and checked`, error);
			if (server) console.log(`--- n8n log tail ---\n${server.logs().slice(-3000)}`);
			await closeInstance();
		}
	}
	console.log(`install: done in ${since(t0)}`);
}

runSuite({
	name: 'the install part',
	label: `e2e install n8n ${VERSION}`,
	checks,
	timeoutMs: TIMEOUT_MS,
	teardown,
	main,
});
