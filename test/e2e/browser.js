#!/usr/bin/env node
'use strict';
/**
 * The editor in a real browser: headless Chromium (Debian's `chromium` package) driven by
 * playwright-core (test/e2e/browser/package.json, installed on demand into
 * test/e2e/browser/node_modules; no browser download), against an n8n (dev/host/index.js,
 * N8N_HOST_DIR picks the install) with this package, the demo credentials pointing at the provider
 * simulator, and every example workflow. Signs in as the owner through the sign-in form, then:
 *
 *   1. every example workflow opens on the canvas (light and dark theme): all its nodes drawn, our
 *      nodes' icons loaded, the dark theme showing the dark icon;
 *   2. every node's panel (NDV) for EVERY resource/operation, and the same for each tool variant,
 *      enumerated from the editor's own /types/nodes.json: the panel opens, each parameter the
 *      description shows for that resource/operation is rendered, resource/operation show their
 *      option names, the credential is selected, no error text;
 *   3. every credential's Test: the panel tests on open and shows "Connection tested successfully",
 *      the Retry (test) button passes again; a credential with a wrong key shows the failure;
 *   4. the node panel search ("+" of the trigger → "What happens next?", and the canvas "+"
 *      button) finds every action node by its display name and lists every operation as an
 *      action; the trigger panel finds the trigger; an AI Agent's tool picker finds
 *      "<node> Tool" for every action node;
 *   5. no console error on any page (known-benign n8n noise filtered, each filter says why), no
 *      request outside 127.0.0.1 (blocked, and listed), our icons served (light + dark).
 *
 * Screenshots of every step go to .tmp/screenshots/<n8n version>/ (gitignored; CI keeps them as
 * artifacts), with console.log (every console message) next to them.
 *
 *   node test/e2e/browser.js                     (after npm run build and bash scripts/install-n8n.sh)
 *   N8N_HOST_DIR=… node test/e2e/browser.js      another n8n install
 *   CHROMIUM_PATH=/path/to/chrome …              another browser binary
 *   BROWSER_E2E_TIMEOUT_MS (default 15 min)      watchdog; BROWSER_E2E_SCREENSHOTS=dir to move them
 * Prints `N passed, N failed` last; exit 1 on any failure.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
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
	request,
	REPO_ROOT,
} = require('./lib');

const checks = new Checks();
const check = checks.check.bind(checks);
const TIMEOUT_MS = Number(process.env.BROWSER_E2E_TIMEOUT_MS || 15 * 60 * 1000);
const TOOL_DIR = path.join(__dirname, 'browser');
const PACKAGE = host.PACKAGE_NAME;
const BAD_CREDENTIAL = { id: 'e2eBrowserBadKey', name: 'Zaia (wrong key, browser e2e)' };
const VIEWPORT = { width: 1440, height: 900 };
const STEP_TIMEOUT_MS = 20000;
const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

const sims = {};
let inst;
let server;
let browser;
let shotDir;
let consoleLog;

function say(text) {
	console.log(`browser: ${text}`);
}

function since(t0) {
	return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

async function teardown() {
	try {
		if (browser) await browser.close();
	} catch {
		/* best effort */
	}
	browser = undefined;
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
	if (consoleLog) consoleLog.end();
	consoleLog = undefined;
}

// ---------------------------------------------------------------------------------------------
// Tools: playwright-core (own folder, own lockfile) and Debian's chromium
// ---------------------------------------------------------------------------------------------

function lockedPlaywrightVersion() {
	const lock = JSON.parse(fs.readFileSync(path.join(TOOL_DIR, 'package-lock.json'), 'utf8'));
	return lock.packages['node_modules/playwright-core'].version;
}

/** playwright-core from test/e2e/browser/node_modules, installed there (npm ci) when missing. */
function loadPlaywright() {
	const want = lockedPlaywrightVersion();
	const pkgFile = path.join(TOOL_DIR, 'node_modules', 'playwright-core', 'package.json');
	const have = fs.existsSync(pkgFile) ? JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version : '';
	if (have !== want) {
		say(
			`installing playwright-core ${want} into ${path.relative(REPO_ROOT, TOOL_DIR)}/node_modules`,
		);
		const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: TOOL_DIR,
			encoding: 'utf8',
			timeout: 300000,
			// no browser download, ever (playwright-core has no install script; belt and braces)
			env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
		});
		if (r.status !== 0)
			throw new Error(`npm ci in ${TOOL_DIR} failed: ${r.error?.message ?? ''}${r.stderr}`);
	}
	return require(path.join(TOOL_DIR, 'node_modules', 'playwright-core'));
}

const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/** Debian's chromium binary; installs the package with apt-get when missing (as root). */
function findChromium() {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	let found = CHROMIUM_CANDIDATES.find((f) => fs.existsSync(f));
	if (found) return found;
	if (process.getuid?.() !== 0) throw new Error('chromium is missing: apt-get install chromium');
	say("installing chromium from Debian's packages (apt-get install chromium)");
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [
		['update', '-qq'],
		['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
	]) {
		const r = spawnSync('apt-get', args, { encoding: 'utf8', timeout: 600000, env });
		if (r.status !== 0)
			throw new Error(`apt-get ${args[0]} failed: ${r.error?.message ?? ''}${r.stderr}`);
	}
	found = CHROMIUM_CANDIDATES.find((f) => fs.existsSync(f));
	if (!found) throw new Error('apt-get install chromium left no chromium binary');
	return found;
}

// ---------------------------------------------------------------------------------------------
// Node descriptions → what to open
// ---------------------------------------------------------------------------------------------

function latestVersion(desc) {
	return Array.isArray(desc.version) ? Math.max(...desc.version) : desc.version;
}

function optionName(prop, value) {
	return prop?.options?.find((o) => o.value === value)?.name ?? String(value);
}

/**
 * Every configuration a user can pick on a node: [{ resource, operation, label, params, action }],
 * read from its description (resource options, then the operation options shown for each), so new
 * operations are covered without editing this file. A node without resource/operation: one entry.
 */
function configurations(desc, NodeHelpers) {
	const node = { name: 'x', type: desc.name, typeVersion: latestVersion(desc), parameters: {} };
	const visible = (params, prop) =>
		NodeHelpers.displayParameter(params, prop, node, desc, params) !== false;
	const base = {};
	for (const p of desc.properties)
		if (p.name === 'authentication' && p.type === 'options') base.authentication = p.default;
	const resourceProps = desc.properties.filter(
		(p) => p.name === 'resource' && p.type === 'options' && visible(base, p),
	);
	const out = [];
	// n8n adds a "Custom API Call" option (__CUSTOM_API_CALL__) to nodes whose credential the HTTP
	// Request node can use: it is n8n's pointer to that node, not an operation of ours
	const ours = (o) => o.value !== CUSTOM_API_CALL;
	const resources = resourceProps.length
		? resourceProps.flatMap((rp) =>
				rp.options.filter(ours).map((o) => ({ prop: rp, value: o.value })),
			)
		: [{ prop: null, value: undefined }];
	for (const res of resources) {
		const params = res.prop ? { ...base, resource: res.value } : { ...base };
		const opProps = desc.properties.filter(
			(p) => p.name === 'operation' && p.type === 'options' && visible(params, p),
		);
		const ops = opProps.flatMap((op) =>
			op.options.filter(ours).map((o) => ({ prop: op, option: o })),
		);
		if (!ops.length) {
			out.push({
				resource: res.value,
				resourceName: res.prop ? optionName(res.prop, res.value) : undefined,
				params,
				label: res.prop ? optionName(res.prop, res.value) : desc.defaults?.name || desc.displayName,
			});
			continue;
		}
		for (const { option } of ops) {
			const resourceName = res.prop ? optionName(res.prop, res.value) : undefined;
			out.push({
				resource: res.value,
				operation: option.value,
				resourceName,
				operationName: option.name,
				params: { ...params, operation: option.value },
				label: resourceName ? `${resourceName}: ${option.name}` : option.name,
				// what the node panel lists (n8n: option.action, else "<Resource> <Operation>")
				action: option.action ?? `${resourceName ?? ''} ${option.name}`.trim(),
			});
		}
	}
	return out;
}

/** Top-level parameters the panel shows for these values (n8n's own displayParameter). */
function visibleParameters(desc, params, NodeHelpers) {
	const node = { name: 'x', type: desc.name, typeVersion: latestVersion(desc), parameters: params };
	const values =
		NodeHelpers.getNodeParameters(desc.properties, params, true, false, node, desc) ?? params;
	// the "main auth field" (the parameter the credentials' displayOptions depend on, e.g.
	// Authentication) is not in the parameter list: the editor shows it with the credential
	const authFields = new Set(
		(desc.credentials ?? []).flatMap((c) => Object.keys(c.displayOptions?.show ?? {})),
	);
	return desc.properties.filter(
		(p) =>
			p.type !== 'hidden' &&
			!authFields.has(p.name) &&
			NodeHelpers.displayParameter(values, p, node, desc, values),
	);
}

function credentialsFor(desc, params, NodeHelpers) {
	const node = { name: 'x', type: desc.name, typeVersion: latestVersion(desc), parameters: params };
	const out = {};
	for (const c of desc.credentials ?? []) {
		if (!NodeHelpers.displayParameter(params, c, node, desc, params)) continue;
		const fixed = CREDENTIALS[c.name];
		if (fixed) out[c.name] = { id: fixed.id, name: fixed.name };
	}
	return out;
}

const uuid = (a, b) =>
	`b7000000-0000-4000-8000-${String(a).padStart(4, '0')}${String(b).padStart(8, '0')}`;

/** A workflow with one node per configuration of `desc` (and an AI Agent for tool variants). */
function configurationsWorkflow(desc, configs, NodeHelpers, index, agentType) {
	const isTool = desc.name.endsWith('Tool');
	const isTrigger = desc.group?.includes('trigger');
	const nodes = [];
	const connections = {};
	if (isTool) {
		nodes.push({
			id: uuid(index, 0),
			name: 'AI Agent',
			type: agentType.name,
			typeVersion: latestVersion(agentType),
			position: [0, 0],
			parameters: {},
		});
	} else if (!isTrigger) {
		nodes.push({
			id: uuid(index, 0),
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		});
	}
	configs.forEach((c, k) => {
		const name = isTool ? `${c.label} (tool)` : c.label;
		c.nodeName = name;
		nodes.push({
			id: uuid(index, k + 1),
			name,
			type: desc.name,
			typeVersion: latestVersion(desc),
			position: isTool
				? [-300 + 220 * k, 300]
				: [300 + 260 * (k % 4), -200 + 220 * Math.floor(k / 4)],
			parameters: { ...c.params },
			credentials: credentialsFor(desc, c.params, NodeHelpers),
			...(isTrigger ? { webhookId: uuid(index + 50, k + 1) } : {}),
		});
		if (isTool) {
			connections[name] = { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] };
		} else if (!isTrigger) {
			connections.Start = connections.Start ?? { main: [[]] };
			connections.Start.main[0].push({ node: name, type: 'main', index: 0 });
		}
	});
	return {
		name: `Browser e2e: ${desc.displayName}, every operation`,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

// ---------------------------------------------------------------------------------------------
// Browser helpers
// ---------------------------------------------------------------------------------------------

/**
 * Console messages n8n's editor prints that say nothing about this package. Every filter says why
 * it is noise; anything else at level "error" fails the step it happened in.
 */
const BENIGN_CONSOLE = [
	{
		// The sign-in page asks GET /rest/login whether a session exists; 401 is the "no" answer.
		why: 'session probe on the sign-in page',
		test: (m) => /status of 401/.test(m.text) && /\/rest\/login(\?|$)/.test(m.url) && !m.signedIn,
	},
	{
		// The credential panel asks for external secrets, an enterprise feature: the community
		// edition answers 404 (n8n's own request, made for every credential).
		why: 'external secrets are not licensed in the community edition',
		test: (m) => /status of 404/.test(m.text) && /\/rest\/external-secrets\/secrets/.test(m.url),
	},
	{
		// We block every request that leaves 127.0.0.1 (n8n's banners, templates, telemetry…);
		// the browser reports each aborted load. The requests themselves are listed and checked.
		why: 'a request outside 127.0.0.1 that this test blocked',
		test: (m) => /net::ERR_FAILED|ERR_BLOCKED/.test(m.text) && m.url && !isLoopback(m.url),
	},
];

function isLoopback(url) {
	try {
		const u = new URL(url);
		return (
			['data:', 'blob:', 'about:'].includes(u.protocol) ||
			/^(127\.0\.0\.1|localhost|\[::1\])$/.test(u.hostname)
		);
	} catch {
		return false;
	}
}

/** A browser context with console capture, external requests blocked, dialogs accepted. */
async function newContext({ theme, storageState, label }) {
	const context = await browser.newContext({
		viewport: VIEWPORT,
		colorScheme: theme,
		storageState,
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	context.setDefaultTimeout(STEP_TIMEOUT_MS);
	await context.addInitScript((t) => {
		try {
			window.localStorage.setItem('N8N_THEME', t);
		} catch {
			/* storage not ready on about:blank */
		}
	}, theme);
	const state = { errors: [], external: [], signedIn: !!storageState };
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (isLoopback(url)) return route.continue();
		state.external.push(url);
		return route.abort('blockedbyclient');
	});
	const page = await context.newPage();
	page.on('dialog', (d) => d.accept().catch(() => {}));
	page.on('console', (msg) => {
		const m = {
			type: msg.type(),
			text: msg.text(),
			url: msg.location()?.url ?? '',
			signedIn: state.signedIn,
		};
		consoleLog?.write(`[${label}] ${m.type}: ${m.text} (${m.url})\n`);
		if (m.type !== 'error') return;
		const benign = BENIGN_CONSOLE.find((f) => f.test(m));
		if (benign) consoleLog?.write(`[${label}]   ^ benign: ${benign.why}\n`);
		else state.errors.push(`${m.text.slice(0, 400)}${m.url ? ` (${m.url})` : ''}`);
	});
	page.on('pageerror', (error) => {
		consoleLog?.write(`[${label}] pageerror: ${error.stack || error.message}\n`);
		state.errors.push(`uncaught: ${error.message.slice(0, 400)}`);
	});
	return { context, page, state };
}

/** Run one step: no console error may appear while it runs. */
async function step(ctx, name, fn) {
	const before = ctx.state.errors.length;
	let result;
	try {
		result = await fn();
	} catch (error) {
		await shot(ctx.page, `FAILED-${name}`).catch(() => {});
		checks.fail(name, error);
		return undefined;
	}
	const errors = ctx.state.errors.slice(before);
	check(`${name}: no console error`, errors.length === 0, errors);
	return result;
}

let shotCount = 0;
async function shot(page, name) {
	shotCount++;
	const file = path.join(
		shotDir,
		`${String(shotCount).padStart(3, '0')}-${name.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 90)}.png`,
	);
	await page.screenshot({ path: file });
	return file;
}

const tid = (id) => `[data-test-id="${id}"]`;

async function signIn(page, baseUrl) {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(DEMO_OWNER.email);
	await page.locator('input[name="password"]').fill(DEMO_OWNER.password);
	await page
		.locator(`${tid('signin-form')} ${tid('form-submit-button')}, ${tid('form-submit-button')}`)
		.first()
		.click();
	await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30000 });
	return page.url();
}

/** Images of ours on the page (or inside `scope`): [{ src, ok }]. */
async function ourImages(page, scope = 'body') {
	return page.$$eval(
		`${scope} img`,
		(imgs, pkg) =>
			imgs
				.filter((i) => (i.getAttribute('src') || '').includes(`/icons/${pkg}/`))
				.map((i) => ({ src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0 })),
		PACKAGE,
	);
}

/** Waits until every image of ours in scope finished loading (or the timeout). */
async function imagesSettled(page, scope = 'body', timeoutMs = 8000) {
	await page
		.waitForFunction(
			([s, pkg]) =>
				[...document.querySelectorAll(`${s} img`)]
					.filter((i) => (i.getAttribute('src') || '').includes(`/icons/${pkg}/`))
					.every((i) => i.complete),
			[scope, PACKAGE],
			{ timeout: timeoutMs },
		)
		.catch(() => {});
}

/**
 * Go to an editor route without reloading the app when it is loaded already (through its own Vue
 * router, as a click on a link does); a full page load otherwise. Reloading the editor for each of
 * dozens of workflows costs seconds each on a busy machine.
 */
async function navigate(page, baseUrl, route) {
	// only between routes of the same area: NodeView entered from /home by a push fails to set
	// up in 2.8 ("Could not resolve undefined"), which a click from the list does not hit
	const area = (p) => p.split('/')[1];
	const here = page.url().startsWith(baseUrl) ? new URL(page.url()).pathname : '';
	const pushed =
		here && area(here) === area(route)
			? await page
					.evaluate(async (r) => {
						const router =
							document.querySelector('#app')?.__vue_app__?.config?.globalProperties?.$router;
						if (!router) return false;
						await router.push(r);
						return true;
					}, route)
					.catch(() => false)
			: false;
	if (!pushed) await page.goto(`${baseUrl}${route}`);
}

/** Open a workflow and wait until its node `expectNode` (default: any node) is on the canvas. */
async function openWorkflow(page, baseUrl, id, expectNode) {
	await navigate(page, baseUrl, `/workflow/${id}`);
	await leaveWithoutSaving(page);
	await page
		.waitForFunction((wid) => location.pathname.startsWith(`/workflow/${wid}`), id)
		.catch(() => {});
	const node = expectNode
		? `${tid('canvas-node')}[data-node-name="${expectNode.replace(/"/g, '\\"')}"]`
		: tid('canvas-node');
	await page.locator(node).first().waitFor({ state: 'visible', timeout: 30000 });
	await page.waitForTimeout(300);
}

/** n8n asks before leaving a workflow with unsaved changes (opening a panel can fill defaults). */
async function leaveWithoutSaving(page) {
	const leave = page.getByRole('button', { name: /Leave without saving/i }).first();
	if (await leave.isVisible().catch(() => false)) await leave.click();
}

async function closeNodeCreator(page) {
	// Escape first clears a search that found nothing, then closes the panel
	const panel = page.locator(tid('node-creator')).first();
	for (let k = 0; k < 3 && (await panel.isVisible().catch(() => false)); k++) {
		await page.keyboard.press('Escape');
		await panel.waitFor({ state: 'hidden', timeout: 1500 }).catch(() => {});
	}
	// with "No results" shown, Escape stays in the search box: a click on the empty canvas closes it
	if (await panel.isVisible().catch(() => false)) {
		await page.mouse.click(120, VIEWPORT.height / 2);
		await panel.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
	}
}

/** Names listed in the node panel right now. */
async function creatorItemNames(page) {
	return page.$$eval(
		`${'[data-test-id="node-creator"]'} [data-test-id="item-iterator-item"]`,
		(els) =>
			els.map((e) =>
				(e.querySelector('[data-test-id="node-creator-item-name"]')?.textContent ?? e.textContent)
					.replace(/\s+/g, ' ')
					.trim(),
			),
	);
}

/** The node panel's entry named exactly `name`. */
function creatorItem(page, name) {
	const exact = new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
	return page
		.locator(`${tid('node-creator')} ${tid('item-iterator-item')}`)
		.filter({ has: page.locator(tid('node-creator-item-name'), { hasText: exact }) })
		.first();
}

/**
 * n8n lists an app's trigger and its action node as one entry, named after the action node
 * ("Zaia" for "Zaia" + "Zaia Trigger"); a trigger without such a sibling keeps its own name.
 */
function appEntry(desc, typesByName) {
	const base = desc.displayName.replace(/\s*Trigger$/, '');
	const sibling = Object.values(typesByName).find(
		(t) => t.displayName === base && t.name.startsWith(`${PACKAGE}.`),
	);
	return sibling ? base : desc.displayName;
}

async function searchCreator(page, text) {
	const bar = page.locator(tid('node-creator-search-bar')).first();
	const input = (await bar.evaluate((e) => e.tagName)) === 'INPUT' ? bar : bar.locator('input');
	await input.fill(text);
	// the list is filtered on input; wait until it shows something for this text (or "no results")
	await page
		.waitForFunction(
			(t) => {
				const c = document.querySelector('[data-test-id="node-creator"]');
				if (!c) return false;
				const items = [...c.querySelectorAll('[data-test-id="node-creator-item-name"]')];
				return (
					items.some((i) => i.textContent.toLowerCase().includes(t.toLowerCase().split(' ')[0])) ||
					!!c.querySelector('[data-test-id="node-creator-no-results"]')
				);
			},
			text,
			{ timeout: 5000 },
		)
		.catch(() => {});
	await page.waitForTimeout(250);
	return creatorItemNames(page);
}

// ---------------------------------------------------------------------------------------------
// The steps
// ---------------------------------------------------------------------------------------------

async function checkIconsServed(baseUrl, ours) {
	for (const desc of ours) {
		const urls = typeof desc.iconUrl === 'string' ? { light: desc.iconUrl } : (desc.iconUrl ?? {});
		const results = {};
		for (const theme of ['light', 'dark']) {
			if (!urls[theme]) continue;
			const res = await request(`${baseUrl}/${urls[theme].replace(/^\//, '')}`);
			results[theme] = {
				status: res.status,
				svg: /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(res.text),
				body: res.text,
			};
		}
		check(
			`${desc.displayName}: light and dark icons served (${Object.values(urls).join(', ')})`,
			results.light?.status === 200 &&
				results.light.svg &&
				results.dark?.status === 200 &&
				results.dark.svg &&
				results.light.body !== results.dark.body,
			Object.fromEntries(
				Object.entries(results).map(([k, v]) => [k, { status: v.status, svg: v.svg }]),
			),
		);
	}
}

async function examplesOnCanvas(ctx, baseUrl, examples, theme, typesByName) {
	for (const { file, workflow } of examples) {
		await step(ctx, `[${theme}] ${file}: opens on the canvas`, async () => {
			const first = workflow.nodes.find((n) => n.type !== 'n8n-nodes-base.stickyNote');
			await openWorkflow(ctx.page, baseUrl, workflow.id, first?.name);
			await imagesSettled(ctx.page, tid('canvas'));
			const drawn = await ctx.page.$$eval(tid('canvas-node'), (els) =>
				els.map((e) => e.getAttribute('data-node-name')),
			);
			const expected = workflow.nodes
				.filter((n) => n.type !== 'n8n-nodes-base.stickyNote')
				.map((n) => n.name);
			check(
				`[${theme}] ${file}: all ${expected.length} nodes drawn`,
				expected.every((n) => drawn.includes(n)),
				{ expected, drawn },
			);
			const ourNodes = workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`));
			for (const n of ourNodes) {
				const scope = `${tid('canvas-node')}[data-node-name="${n.name.replace(/"/g, '\\"')}"]`;
				const imgs = await ourImages(ctx.page, scope);
				const desc = typesByName[n.type];
				const want = typeof desc?.iconUrl === 'object' ? desc.iconUrl[theme] : desc?.iconUrl;
				check(
					`[${theme}] ${file}: "${n.name}" shows its ${theme} icon`,
					imgs.length > 0 &&
						imgs.every((i) => i.ok) &&
						!!want &&
						imgs.some((i) => i.src.replace(/^\//, '') === want.replace(/^\//, '')),
					{ imgs, want },
				);
			}
			await shot(ctx.page, `${theme}-example-${file}`);
		});
	}
}

/** Checks one open node panel against the parameters the description shows. */
async function checkPanel(ctx, desc, config, NodeHelpers, theme) {
	const page = ctx.page;
	const ndv = page.locator(tid('ndv')).first();
	await ndv.waitFor({ state: 'visible' });
	const params = page.locator(`${tid('ndv')} ${tid('node-parameters')}`).first();
	await params.waitFor({ state: 'visible' });
	await page.waitForTimeout(300);
	await imagesSettled(page, tid('ndv'));
	const expected = visibleParameters(desc, config.params, NodeHelpers);
	const found = await page.evaluate(
		({ props }) => {
			const root = document.querySelector('[data-test-id="ndv"] [data-test-id="node-parameters"]');
			const text = (root?.innerText ?? '').replace(/\s+/g, ' ');
			const q = (id) => !!root?.querySelector(`[data-test-id="${id}"]`);
			return props.map((p) => {
				let el;
				if (p.type === 'resourceLocator') el = q(`resource-locator-${p.name}`);
				else if (p.type === 'fixedCollection') el = q(`fixed-collection-${p.name}`) || true;
				else if (['collection', 'notice', 'callout'].includes(p.type)) el = true;
				else el = q(`parameter-input-${p.name}`);
				const label = p.displayName
					.replace(/<[^>]+>/g, '')
					.replace(/\s+/g, ' ')
					.trim()
					.slice(0, 40);
				return { name: p.name, type: p.type, el, label: !label || text.includes(label) };
			});
		},
		{ props: expected.map((p) => ({ name: p.name, type: p.type, displayName: p.displayName })) },
	);
	const missing = found.filter((f) => !f.el || !f.label);
	const where = `[${theme}] ${desc.displayName} → ${config.label}`;
	check(
		`${where}: all ${expected.length} parameters rendered`,
		expected.length > 0 && missing.length === 0,
		missing,
	);
	// resource / operation show the option chosen, by its name
	const shown = await page.evaluate(() => {
		const v = (n) =>
			document.querySelector(`[data-test-id="ndv"] [data-test-id="parameter-input-${n}"] input`)
				?.value;
		return { resource: v('resource'), operation: v('operation') };
	});
	if (config.resourceName)
		check(
			`${where}: Resource shows "${config.resourceName}"`,
			shown.resource === config.resourceName,
			shown,
		);
	if (config.operationName)
		check(
			`${where}: Operation shows "${config.operationName}"`,
			shown.operation === config.operationName,
			shown,
		);
	const problems = await page.evaluate(() => {
		const root = document.querySelector('[data-test-id="ndv"]');
		const text = (root?.innerText ?? '').replace(/\s+/g, ' ');
		return (
			text.match(
				/(Error fetching options[^.]*|Could not load[^.]*|Unknown parameter[^.]*|ERROR:[^.]*|undefined|\[object Object\])/g,
			) ?? []
		).slice(0, 5);
	});
	check(`${where}: no error text in the panel`, problems.length === 0, problems);
	const creds = credentialsFor(desc, config.params, NodeHelpers);
	if (Object.keys(creds).length) {
		// the select shows the credential's id until the credentials list has loaded
		const names = Object.values(creds).map((c) => c.name);
		await page
			.waitForFunction(
				(want) =>
					want.includes(
						document.querySelector(
							'[data-test-id="ndv"] [data-test-id="node-credentials-select"] input',
						)?.value,
					),
				names,
				{ timeout: 5000 },
			)
			.catch(() => {});
		const selected = await page
			.locator(`${tid('ndv')} ${tid('node-credentials-select')} input`)
			.first()
			.inputValue()
			.catch(() => '');
		check(
			`${where}: credential "${Object.values(creds)[0].name}" selected`,
			Object.values(creds).some((c) => c.name === selected),
			{ selected },
		);
	}
	const imgs = await ourImages(page, tid('ndv'));
	check(`${where}: the panel's node icon loads`, imgs.length > 0 && imgs.every((i) => i.ok), imgs);
}

async function panels(ctx, baseUrl, rest, ours, typesByName, NodeHelpers, theme, onlyFirst) {
	const agentType = Object.values(typesByName).find(
		(t) => t.name === '@n8n/n8n-nodes-langchain.agent',
	);
	let index = 0;
	for (const desc of ours) {
		index++;
		const configs = configurations(desc, NodeHelpers);
		const isTool = desc.name.endsWith('Tool');
		if (isTool && !agentType) {
			checks.fail(`${desc.displayName}: an AI Agent node type to attach the tool to`, 'none');
			continue;
		}
		const picked = onlyFirst ? configs.slice(0, 1) : configs;
		if (!onlyFirst)
			say(
				`${desc.displayName}: ${configs.length} configuration(s): ${configs.map((c) => c.label).join(', ')}`,
			);
		const wf = configurationsWorkflow(
			desc,
			picked,
			NodeHelpers,
			index + (theme === 'dark' ? 100 : 0),
			agentType,
		);
		const created = await rest.call('POST', '/rest/workflows', wf);
		const id = created.json?.data?.id;
		if (
			!check(
				`[${theme}] ${desc.displayName}: workflow with every configuration created`,
				created.status === 200 && id,
				created.text.slice(0, 300),
			)
		)
			continue;
		const page = ctx.page;
		await openWorkflow(page, baseUrl, id, picked[0].nodeName);
		for (const config of picked) {
			await step(ctx, `[${theme}] ${desc.displayName} → ${config.label}: panel`, async () => {
				const node = wf.nodes.find((n) => n.name === config.nodeName);
				const onCanvas = page
					.locator(
						`${tid('canvas-node')}[data-node-name="${config.nodeName.replace(/"/g, '\\"')}"]`,
					)
					.first();
				if (await onCanvas.isVisible()) await onCanvas.dblclick();
				// else the editor's own route to a node's panel: /workflow/<id>/<nodeId>
				else await page.goto(`${baseUrl}/workflow/${id}/${node.id}`);
				await checkPanel(ctx, desc, config, NodeHelpers, theme);
				await shot(page, `${theme}-panel-${desc.displayName}-${config.label}`);
				await page.locator(tid('ndv-close-button')).first().click();
				await page.locator(tid('ndv')).first().waitFor({ state: 'hidden', timeout: 5000 });
			});
		}
	}
}

async function credentialTests(ctx, baseUrl, credentialIds) {
	const page = ctx.page;
	for (const [type, ref] of credentialIds) {
		await step(ctx, `credential ${ref.name}: the editor's Test`, async () => {
			const tested = page.waitForResponse(
				(r) => r.url().includes('/rest/credentials/test') && r.request().method() === 'POST',
				{ timeout: 20000 },
			);
			await navigate(page, baseUrl, `/home/credentials/${ref.id}`);
			await page.locator(tid('credential-edit-dialog')).first().waitFor({ state: 'visible' });
			const first = await tested;
			const firstBody = await first.json().catch(() => ({}));
			const success = page.locator(tid('credentials-config-container-test-success')).first();
			const ok = ref.bad ? firstBody?.data?.status === 'Error' : firstBody?.data?.status === 'OK';
			if (ref.bad) {
				const banner = page
					.locator(tid('credential-edit-dialog'))
					.getByText(/Couldn.t connect with these settings/)
					.first();
				await banner.waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
				check(
					`${type} with a wrong key: the panel shows "Couldn't connect with these settings"`,
					ok && (await banner.isVisible()) && !(await success.isVisible()),
					firstBody,
				);
			} else {
				await success.waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
				check(
					`${type}: tested on open, "Connection tested successfully" shown`,
					ok && (await success.isVisible()),
					firstBody,
				);
				// the banner's Retry button is the Test button
				const again = page.waitForResponse(
					(r) => r.url().includes('/rest/credentials/test') && r.request().method() === 'POST',
					{ timeout: 20000 },
				);
				await success.locator('button').first().click();
				const second = await (await again).json().catch(() => ({}));
				await page.waitForTimeout(300);
				check(
					`${type}: the Test (Retry) button passes again`,
					second?.data?.status === 'OK' && (await success.isVisible()),
					second,
				);
			}
			await shot(page, `credential-${type}${ref.bad ? '-wrong-key' : ''}`);
			await page.keyboard.press('Escape');
		});
	}
}

async function searchChecks(ctx, baseUrl, rest, ours, typesByName, NodeHelpers) {
	const page = ctx.page;
	const actions = ours.filter((d) => !d.name.endsWith('Tool') && !d.group?.includes('trigger'));
	const triggers = ours.filter((d) => d.group?.includes('trigger'));
	const agentType = typesByName['@n8n/n8n-nodes-langchain.agent'];
	const mk = async (name, nodes, connections = {}) => {
		const r = await rest.call('POST', '/rest/workflows', {
			name,
			nodes,
			connections,
			settings: { executionOrder: 'v1' },
			active: false,
		});
		return r.json?.data?.id;
	};
	const start = {
		id: uuid(900, 1),
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const onlyTrigger = await mk('Browser e2e: search (a trigger only)', [start]);
	const withAgent =
		agentType &&
		(await mk(
			'Browser e2e: tool picker',
			[
				start,
				{
					id: uuid(900, 2),
					name: 'AI Agent',
					type: agentType.name,
					typeVersion: latestVersion(agentType),
					position: [300, 0],
					parameters: {},
				},
			],
			{ Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] } },
		));
	const empty = await mk('Browser e2e: search (empty)', []);
	check('search workflows created', onlyTrigger && withAgent && empty, {
		onlyTrigger,
		withAgent,
		empty,
	});

	// "What happens next?": from the trigger's "+" (plus endpoint), where n8n hides AI sub-nodes
	await openWorkflow(page, baseUrl, onlyTrigger, 'Start');
	for (const desc of actions) {
		await step(
			ctx,
			`"What happens next?" (trigger's +): search "${desc.displayName}"`,
			async () => {
				await page
					.locator(`[data-node-name="Start"] ${tid('canvas-handle-plus')}`)
					.first()
					.click();
				await page.locator(tid('node-creator')).first().waitFor({ state: 'visible' });
				const names = await searchCreator(page, desc.displayName);
				check(
					`"What happens next?": "${desc.displayName}" found by its name`,
					names.includes(desc.displayName),
					names,
				);
				await shot(page, `search-next-${desc.displayName}`);
				// open it: every operation is offered as an action
				const item = creatorItem(page, desc.displayName);
				if (await item.count()) {
					await item.click();
					await page.waitForTimeout(500);
					const listed = (await creatorItemNames(page)).map((s) => s.toLowerCase());
					const wanted = configurations(desc, NodeHelpers)
						.filter((c) => c.action)
						.map((c) => c.action);
					const missing = wanted.filter((a) => !listed.some((l) => l.includes(a.toLowerCase())));
					check(
						`"${desc.displayName}" in the panel lists all ${wanted.length} operations as actions`,
						wanted.length > 0 && missing.length === 0,
						{ missing, listed },
					);
					await shot(page, `search-next-${desc.displayName}-actions`);
				}
				await closeNodeCreator(page);
			},
		);
	}
	// the canvas "+" button (top right), same panel, another entry point
	await openWorkflow(page, baseUrl, onlyTrigger, 'Start');
	for (const desc of [...actions, ...triggers]) {
		await step(ctx, `canvas "+" button: search "${desc.displayName}"`, async () => {
			await page
				.locator(`${tid('node-creator-plus-button')}, ${tid('canvas-plus-button')}`)
				.first()
				.click();
			await page.locator(tid('node-creator')).first().waitFor({ state: 'visible' });
			const names = await searchCreator(page, desc.displayName);
			check(
				`canvas "+": "${desc.displayName}" found by its name`,
				names.includes(desc.displayName) || names.includes(appEntry(desc, typesByName)),
				names,
			);
			await shot(page, `search-plus-${desc.displayName}`);
			await closeNodeCreator(page);
		});
	}
	// the first step of an empty workflow: the trigger panel
	for (const desc of triggers) {
		await step(ctx, `trigger panel: search "${desc.displayName}"`, async () => {
			await navigate(page, baseUrl, `/workflow/${empty}`);
			await leaveWithoutSaving(page);
			await page
				.locator(`${tid('canvas-add-button')}, ${tid('canvas-add-first-step-button')}`)
				.first()
				.click();
			await page.locator(tid('node-creator')).first().waitFor({ state: 'visible' });
			const names = await searchCreator(page, desc.displayName);
			const entry = names.includes(desc.displayName)
				? desc.displayName
				: appEntry(desc, typesByName);
			check(
				`trigger panel: "${desc.displayName}" found by its name (as "${entry}")`,
				names.includes(entry),
				names,
			);
			await shot(page, `search-trigger-${desc.displayName}`);
			// open the entry: the trigger is offered ("On new … event", or its events)
			if (!names.includes(entry)) return closeNodeCreator(page);
			await creatorItem(page, entry).click();
			await page.waitForTimeout(500);
			const listed = await creatorItemNames(page);
			const base = desc.displayName.replace(/\s*Trigger$/, '');
			check(
				`trigger panel: "${entry}" offers the trigger`,
				listed.some((l) => new RegExp(`^On |${base}.*event|${desc.displayName}`, 'i').test(l)),
				listed,
			);
			await shot(page, `search-trigger-${desc.displayName}-opened`);
			await closeNodeCreator(page);
		});
	}
	// an AI Agent's tool picker: every action node as "<name> Tool"
	if (withAgent) {
		await openWorkflow(page, baseUrl, withAgent, 'AI Agent');
		for (const desc of actions) {
			const toolName = typesByName[`${desc.name}Tool`]?.displayName ?? `${desc.displayName} Tool`;
			await step(ctx, `AI Agent tool picker: search "${desc.displayName}"`, async () => {
				await page
					.locator(
						`[data-node-name="AI Agent"] [data-handleid*="ai_tool"] ${tid('canvas-handle-plus')}`,
					)
					.first()
					.click();
				await page.locator(tid('node-creator')).first().waitFor({ state: 'visible' });
				const names = await searchCreator(page, desc.displayName);
				check(
					`tool picker: "${toolName}" found by "${desc.displayName}"`,
					names.includes(toolName),
					names,
				);
				await shot(page, `search-tool-${desc.displayName}`);
				await closeNodeCreator(page);
			});
		}
	}
}

// ---------------------------------------------------------------------------------------------

async function main() {
	const t0 = Date.now();
	host.assertInstalled();
	const version = host.DEFAULT_HOST.version;
	shotDir = path.resolve(
		process.env.BROWSER_E2E_SCREENSHOTS || path.join(REPO_ROOT, '.tmp', 'screenshots', version),
	);
	fs.rmSync(shotDir, { recursive: true, force: true });
	fs.mkdirSync(shotDir, { recursive: true });
	consoleLog = fs.createWriteStream(path.join(shotDir, 'console.log'));

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
	for (const t of types) {
		const prev = typesByName[t.name];
		if (!prev || latestVersion(t) > latestVersion(prev)) typesByName[t.name] = t;
	}
	const ours = Object.values(typesByName)
		.filter((t) => t.name.startsWith(`${PACKAGE}.`))
		.sort((a, b) => a.name.localeCompare(b.name));
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const base = ours.filter((t) => !t.name.endsWith('Tool'));
	check(
		`the editor knows all ${pkg.n8n.nodes.length} nodes of the package`,
		base.length === pkg.n8n.nodes.length,
		base.map((t) => t.name),
	);
	const toolless = base.filter((t) => t.usableAsTool && !typesByName[`${t.name}Tool`]);
	check(
		'every node usable as a tool has its tool variant',
		toolless.length === 0,
		toolless.map((t) => t.name),
	);
	await checkIconsServed(server.baseUrl, ours);

	browser = await chromium.launch({
		executablePath,
		headless: true,
		args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
	});
	say(
		`chromium ${browser.version()} (${executablePath}), screenshots in ${path.relative(REPO_ROOT, shotDir) || shotDir}`,
	);

	const light = await newContext({ theme: 'light', label: 'light' });
	const landed = await step(light, 'sign in as the owner through the sign-in form', async () => {
		const url = await signIn(light.page, server.baseUrl);
		light.state.signedIn = true;
		await shot(light.page, 'signed-in');
		return url;
	});
	check('signed in: the editor left /signin', !!landed && !/\/signin/.test(landed), landed);
	const storageState = await light.context.storageState();

	let t = Date.now();
	await examplesOnCanvas(light, server.baseUrl, examples, 'light', typesByName);
	say(`examples (light): ${since(t)}`);
	t = Date.now();
	await panels(light, server.baseUrl, rest, ours, typesByName, NodeHelpers, 'light', false);
	say(`panels: ${since(t)}`);
	t = Date.now();
	const credentialIds = Object.entries(CREDENTIALS).filter(([type]) =>
		credentials.some((c) => c.type === type),
	);
	credentialIds.push(['zaiaApi', { ...BAD_CREDENTIAL, bad: true }]);
	await credentialTests(light, server.baseUrl, credentialIds);
	say(`credentials: ${since(t)}`);
	t = Date.now();
	await searchChecks(light, server.baseUrl, rest, ours, typesByName, NodeHelpers);
	say(`search: ${since(t)}`);

	t = Date.now();
	const dark = await newContext({ theme: 'dark', storageState, label: 'dark' });
	await step(dark, '[dark] the editor uses the dark theme', async () => {
		await dark.page.goto(`${server.baseUrl}/home/workflows`);
		await dark.page.waitForLoadState('networkidle').catch(() => {});
		const attr = await dark.page.evaluate(() => document.body.getAttribute('data-theme'));
		check('[dark] body has data-theme="dark"', attr === 'dark', attr);
	});
	await examplesOnCanvas(dark, server.baseUrl, examples, 'dark', typesByName);
	await panels(
		dark,
		server.baseUrl,
		rest,
		ours.filter((d) => !d.name.endsWith('Tool')),
		typesByName,
		NodeHelpers,
		'dark',
		true,
	);
	say(`dark theme: ${since(t)}`);

	const external = [...new Set([...light.state.external, ...dark.state.external])];
	consoleLog.write(`blocked requests outside 127.0.0.1:\n${external.join('\n')}\n`);
	check(
		`no request outside 127.0.0.1 but n8n's known ones (blocked: ${external.length})`,
		external.every((u) => KNOWN_EXTERNAL.some((re) => re.test(u))),
		external,
	);
	hostChecks(checks, inst, [server.logs()]);
	say(`done in ${since(t0)}; ${shotCount} screenshots in ${shotDir}`);
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
