#!/usr/bin/env node
'use strict';
/**
 * e2e part "browser": the editor of a real n8n (dev/host) in headless Chromium (Debian's package,
 * driven by playwright-core from test/e2e/browser/package.json), with this package, the demo
 * credentials pointing at the provider simulator, and every example. Signed in through the form:
 *   1. every example on the canvas, light and dark: all nodes drawn, our icons (the dark one in dark);
 *   2. every node's panel for every resource/operation (read from /types/nodes.json), tool variants
 *      too: each parameter rendered, option names shown, the credential selected, no error text;
 *   3. every credential's Test (and a wrong key's failure);
 *   4. the node panel's search finds every node by name, its operations as actions, the trigger,
 *      and "<node> Tool" in an AI Agent's tool picker;
 *   4b. before any run, the next node's input panel previews an operation's output fields (its
 *      output schema), one operation per action node;
 *   5. no console error (n8n's benign noise filtered, each filter says why), no request outside
 *      127.0.0.1 (blocked and listed).
 * test/e2e/browser/ holds tools.js, configurations.js (what to open), page.js (driving the editor)
 * and steps.js (the checks). Screenshots and console.log go to .tmp/screenshots/<n8n version>/.
 *
 *   node test/e2e/browser.js                     (after npm run build and bash scripts/install-n8n.sh)
 *   CHROMIUM_PATH=/path/to/chrome …              another browser binary
 *   BROWSER_E2E_TIMEOUT_MS (default 27 min)      watchdog (under the part backstop of 30 min); BROWSER_E2E_SCREENSHOTS=dir to move them
 * Prints `N passed, N failed` last; exit 1 on any failure.
 */
const fs = require('node:fs');
const path = require('node:path');
const host = require('../../dev/host/index');
if (host.runUnderHostNode()) return; // re-run on the node the host's n8n runs on
const { ProviderSimulator, providers } = require('../../dev/simulator');
const {
	runSuite,
	hostChecks,
	N8nRest,
	CREDENTIALS,
	DEMO_OWNER,
	Checks,
	demoCredentials,
	loadExamples,
	retarget,
	REPO_ROOT,
} = require('./lib');
const { say, loadPlaywright, findChromium } = require('./browser/tools');
const { latestVersion } = require('./browser/configurations');
const { newContext, step, shot, signIn } = require('./browser/page');
const {
	checkIconsServed,
	examplesOnCanvas,
	panels,
	credentialTests,
	searchChecks,
	schemaPreviews,
} = require('./browser/steps');

const checks = new Checks();
const check = checks.check.bind(checks);
const TIMEOUT_MS = Number(process.env.BROWSER_E2E_TIMEOUT_MS || 27 * 60 * 1000);
const PACKAGE = host.PACKAGE_NAME;
const BAD_CREDENTIAL = { id: 'e2eBrowserBadKey', name: 'Zaia (wrong key, browser e2e)' };

/** What the browser modules share: the checks, the browser, screenshots (folder, count), console log. */
const t = {
	checks,
	check,
	browser: undefined,
	shotDir: undefined,
	shotCount: 0,
	consoleLog: undefined,
};
const sims = {};
let inst;
let server;

function since(t0) {
	return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

async function teardown() {
	try {
		if (t.browser) await t.browser.close();
	} catch {
		/* best effort */
	}
	t.browser = undefined;
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
	await Promise.all(Object.values(sims).map((s) => s.stop().catch(() => {})));
	if (t.consoleLog) t.consoleLog.end();
	t.consoleLog = undefined;
}

async function main() {
	const t0 = Date.now();
	host.assertInstalled();
	const version = host.DEFAULT_HOST.version;
	t.shotDir = path.resolve(
		process.env.BROWSER_E2E_SCREENSHOTS || path.join(REPO_ROOT, '.tmp', 'screenshots', version),
	);
	fs.rmSync(t.shotDir, { recursive: true, force: true });
	fs.mkdirSync(t.shotDir, { recursive: true });
	t.consoleLog = fs.createWriteStream(path.join(t.shotDir, 'console.log'));

	const { chromium } = loadPlaywright();
	const executablePath = findChromium();
	const NodeHelpers = host.requireFromHost('n8n-workflow').NodeHelpers;

	for (const name of Object.keys(providers).sort()) {
		sims[name] = new ProviderSimulator(providers[name]);
		await sims[name].start();
	}
	const urls = Object.fromEntries(Object.entries(sims).map(([n, s]) => [n, s.baseUrl]));
	inst = host.createInstance({
		// the editor would fetch banners from n8n's servers: nothing leaves 127.0.0.1 here
		env: { N8N_DYNAMIC_BANNERS_ENABLED: 'false' },
	});
	await inst.ensurePort();
	const credentials = demoCredentials(providers, urls);
	credentials.push({
		id: BAD_CREDENTIAL.id,
		name: BAD_CREDENTIAL.name,
		type: 'zaiaApi',
		data: {
			...providers.zaia.demoCredential(urls.zaia),
			apiKey: 'zaia_wrong_key_000000000000000000000000',
		},
	});
	await inst.importCredentials(credentials);
	const examples = loadExamples().map(({ file, workflow }) => ({
		file,
		workflow: retarget(workflow, `${inst.baseUrl}/`),
	}));
	await inst.importWorkflow(examples.map((e) => e.workflow));
	const tStart = Date.now();
	server = await inst.start({ timeoutMs: 240000 });
	say(`n8n ${version} on ${server.baseUrl} (ready in ${since(tStart)}), folder ${inst.userFolder}`);
	const rest = new N8nRest(server.baseUrl);
	check(
		'the owner account is set up',
		['created', 'existing'].includes(await rest.ensureOwner(DEMO_OWNER)),
	);
	await rest.login(DEMO_OWNER);

	// what the editor loads: every node type (with n8n's generated tool variants)
	const typesRes = await rest.call('GET', '/types/nodes.json');
	const types = Array.isArray(typesRes.json) ? typesRes.json : [];
	const typesByName = {};
	for (const type of types) {
		const prev = typesByName[type.name];
		if (!prev || latestVersion(type) > latestVersion(prev)) typesByName[type.name] = type;
	}
	const ours = Object.values(typesByName)
		.filter((type) => type.name.startsWith(`${PACKAGE}.`))
		.sort((a, b) => a.name.localeCompare(b.name));
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const base = ours.filter((type) => !type.name.endsWith('Tool'));
	check(
		`the editor knows all ${pkg.n8n.nodes.length} nodes of the package`,
		base.length === pkg.n8n.nodes.length,
		base.map((type) => type.name),
	);
	const toolless = base.filter((type) => type.usableAsTool && !typesByName[`${type.name}Tool`]);
	check(
		'every node usable as a tool has its tool variant',
		toolless.length === 0,
		toolless.map((type) => type.name),
	);
	await checkIconsServed(t, server.baseUrl, ours);

	t.browser = await chromium.launch({
		executablePath,
		headless: true,
		args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
	});
	say(
		`chromium ${t.browser.version()} (${executablePath}), screenshots in ${path.relative(REPO_ROOT, t.shotDir) || t.shotDir}`,
	);

	const light = await newContext(t, { theme: 'light', label: 'light' });
	const landed = await step(t, light, 'sign in as the owner through the sign-in form', async () => {
		const url = await signIn(light.page, server.baseUrl);
		light.state.signedIn = true;
		await shot(t, light.page, 'signed-in');
		return url;
	});
	check('signed in: the editor left /signin', !!landed && !/\/signin/.test(landed), landed);
	const storageState = await light.context.storageState();

	let tPart = Date.now();
	await examplesOnCanvas(t, light, server.baseUrl, examples, 'light', typesByName);
	say(`examples (light): ${since(tPart)}`);
	tPart = Date.now();
	await panels(t, light, server.baseUrl, rest, ours, typesByName, NodeHelpers, 'light', false);
	say(`panels: ${since(tPart)}`);
	tPart = Date.now();
	const credentialIds = Object.entries(CREDENTIALS).filter(([type]) =>
		credentials.some((c) => c.type === type),
	);
	credentialIds.push(['zaiaApi', { ...BAD_CREDENTIAL, bad: true }]);
	await credentialTests(t, light, server.baseUrl, credentialIds);
	say(`credentials: ${since(tPart)}`);
	tPart = Date.now();
	await searchChecks(t, light, server.baseUrl, rest, ours, typesByName, NodeHelpers);
	say(`search: ${since(tPart)}`);
	tPart = Date.now();
	await schemaPreviews(t, light, server.baseUrl, rest, ours, NodeHelpers);
	say(`schema previews: ${since(tPart)}`);

	tPart = Date.now();
	const dark = await newContext(t, { theme: 'dark', storageState, label: 'dark' });
	await step(t, dark, '[dark] the editor uses the dark theme', async () => {
		await dark.page.goto(`${server.baseUrl}/home/workflows`);
		await dark.page.waitForLoadState('networkidle').catch(() => {});
		const attr = await dark.page.evaluate(() => document.body.getAttribute('data-theme'));
		check('[dark] body has data-theme="dark"', attr === 'dark', attr);
	});
	await examplesOnCanvas(t, dark, server.baseUrl, examples, 'dark', typesByName);
	await panels(
		t,
		dark,
		server.baseUrl,
		rest,
		ours.filter((d) => !d.name.endsWith('Tool')),
		typesByName,
		NodeHelpers,
		'dark',
		true,
	);
	say(`dark theme: ${since(tPart)}`);

	const external = [...new Set([...light.state.external, ...dark.state.external])];
	t.consoleLog.write(`blocked requests outside 127.0.0.1:\n${external.join('\n')}\n`);
	check(
		`no request outside 127.0.0.1 but n8n's known ones (blocked: ${external.length})`,
		external.every((u) => KNOWN_EXTERNAL.some((re) => re.test(u))),
		external,
	);
	hostChecks(checks, inst, [server.logs()]);
	say(`done in ${since(t0)}; ${t.shotCount} screenshots in ${t.shotDir}`);
}

/**
 * Addresses outside 127.0.0.1 that n8n's editor itself asks for; blocked here (no network). Any
 * other would be something this package added.
 */
const KNOWN_EXTERNAL = [
	/^https:\/\/([a-z0-9-]+\.)*n8n\.(io|cloud)\//, // n8n's own services (banners, templates, docs, telemetry)
	/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, // web fonts some n8n views link
	// the node panel's details of an installed community package ask npm for its metadata
	new RegExp(`^https://registry\\.npmjs\\.org/${PACKAGE}($|[/?])`),
];

runSuite({
	name: 'the browser suite',
	label: `browser n8n ${host.DEFAULT_HOST.version}`,
	checks,
	timeoutMs: TIMEOUT_MS,
	teardown,
	main,
});
