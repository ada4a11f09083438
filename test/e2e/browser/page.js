'use strict';
/**
 * Driving the editor in the browser: a context with console capture and requests outside 127.0.0.1
 * blocked (newContext), a step that fails on any console error (step), screenshots (shot), sign-in,
 * navigation, the canvas and the node panel (node creator). `t` holds the checks, the browser, the
 * screenshot folder and count, and the console log file.
 */
const path = require('node:path');
const { DEMO_OWNER } = require('../lib');
const { PACKAGE_NAME: PACKAGE } = require('../../../dev/host/index');

const VIEWPORT = { width: 1440, height: 900 };
const STEP_TIMEOUT_MS = 20000;

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
async function newContext(t, { theme, storageState, label }) {
	const context = await t.browser.newContext({
		viewport: VIEWPORT,
		colorScheme: theme,
		storageState,
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	context.setDefaultTimeout(STEP_TIMEOUT_MS);
	await context.addInitScript((name) => {
		try {
			window.localStorage.setItem('N8N_THEME', name);
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
		t.consoleLog?.write(`[${label}] ${m.type}: ${m.text} (${m.url})\n`);
		if (m.type !== 'error') return;
		const benign = BENIGN_CONSOLE.find((f) => f.test(m));
		if (benign) t.consoleLog?.write(`[${label}]   ^ benign: ${benign.why}\n`);
		else state.errors.push(`${m.text.slice(0, 400)}${m.url ? ` (${m.url})` : ''}`);
	});
	page.on('pageerror', (error) => {
		t.consoleLog?.write(`[${label}] pageerror: ${error.stack || error.message}\n`);
		state.errors.push(`uncaught: ${error.message.slice(0, 400)}`);
	});
	return { context, page, state };
}

/** Run one step: no console error may appear while it runs. */
async function step(t, ctx, name, fn) {
	const before = ctx.state.errors.length;
	let result;
	try {
		result = await fn();
	} catch (error) {
		await shot(t, ctx.page, `FAILED-${name}`).catch(() => {});
		t.checks.fail(name, error);
		return undefined;
	}
	const errors = ctx.state.errors.slice(before);
	t.check(`${name}: no console error`, errors.length === 0, errors);
	return result;
}

async function shot(t, page, name) {
	t.shotCount++;
	const file = path.join(
		t.shotDir,
		`${String(t.shotCount).padStart(3, '0')}-${name.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 90)}.png`,
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

module.exports = {
	VIEWPORT,
	isLoopback,
	newContext,
	step,
	shot,
	tid,
	signIn,
	ourImages,
	imagesSettled,
	navigate,
	openWorkflow,
	leaveWithoutSaving,
	closeNodeCreator,
	creatorItemNames,
	creatorItem,
	appEntry,
	searchCreator,
};
