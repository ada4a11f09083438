'use strict';
/**
 * The browser part's checks, one function per step of test/e2e/browser.js's list: our icons
 * served, every example on the canvas, every node's panel for every configuration, every
 * credential's Test, the node panel's search (actions, triggers, AI Agent tools), and the output
 * schema previews.
 */
const fs = require('node:fs');
const path = require('node:path');
const { request } = require('../lib');
const { PACKAGE_NAME: PACKAGE } = require('../../../dev/host/index');
const { say } = require('./tools');
const {
	latestVersion,
	configurations,
	visibleParameters,
	credentialsFor,
	uuid,
	configurationsWorkflow,
} = require('./configurations');
const {
	step,
	shot,
	tid,
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
} = require('./page');

const ALL_SHOTS = process.env.BROWSER_E2E_ALL_SHOTS === '1';

async function checkIconsServed(t, baseUrl, ours) {
	const { check } = t;
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

async function examplesOnCanvas(t, ctx, baseUrl, examples, theme, typesByName) {
	const { check } = t;
	for (const { file, workflow } of examples) {
		await step(t, ctx, `[${theme}] ${file}: opens on the canvas`, async () => {
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
			await shot(t, ctx.page, `${theme}-example-${file}`);
		});
	}
}

/** Checks one open node panel against the parameters the description shows. */
async function checkPanel(t, ctx, desc, config, NodeHelpers, theme) {
	const { check } = t;
	const page = ctx.page;
	const ndv = page.locator(tid('ndv')).first();
	await ndv.waitFor({ state: 'visible' });
	const params = page.locator(`${tid('ndv')} ${tid('node-parameters')}`).first();
	await params.waitFor({ state: 'visible' });
	await imagesSettled(page, tid('ndv'));
	const expected = visibleParameters(desc, config.params, NodeHelpers);
	const look = () =>
		page.evaluate(
			({ props }) => {
				const root = document.querySelector(
					'[data-test-id="ndv"] [data-test-id="node-parameters"]',
				);
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
	// the panel renders its parameters over a few frames: read until all are there, or 5 s passed
	let missing = [];
	for (const until = Date.now() + 5000; ; ) {
		missing = (await look()).filter((f) => !f.el || !f.label);
		if (missing.length === 0 || Date.now() > until) break;
		await page.waitForTimeout(100);
	}
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

async function panels(t, ctx, baseUrl, rest, ours, typesByName, NodeHelpers, theme, onlyFirst) {
	const { check, checks } = t;
	const agentType = Object.values(typesByName).find(
		(type) => type.name === '@n8n/n8n-nodes-langchain.agent',
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
			await step(t, ctx, `[${theme}] ${desc.displayName} → ${config.label}: panel`, async () => {
				const node = wf.nodes.find((n) => n.name === config.nodeName);
				const onCanvas = page
					.locator(
						`${tid('canvas-node')}[data-node-name="${config.nodeName.replace(/"/g, '\\"')}"]`,
					)
					.first();
				if (await onCanvas.isVisible()) await onCanvas.dblclick();
				// else the editor's own route to a node's panel: /workflow/<id>/<nodeId>
				else await page.goto(`${baseUrl}/workflow/${id}/${node.id}`);
				const failedBefore = checks.failed;
				await checkPanel(t, ctx, desc, config, NodeHelpers, theme);
				// ~400 panels per run: a picture of each one that failed a check (every one with
				// BROWSER_E2E_ALL_SHOTS=1); the examples, search and credential steps keep theirs
				if (ALL_SHOTS || checks.failed > failedBefore)
					await shot(t, page, `${theme}-panel-${desc.displayName}-${config.label}`);
				await page.locator(tid('ndv-close-button')).first().click();
				await page.locator(tid('ndv')).first().waitFor({ state: 'hidden', timeout: 5000 });
			});
		}
	}
}

async function credentialTests(t, ctx, baseUrl, credentialIds) {
	const { check } = t;
	const page = ctx.page;
	for (const [type, ref] of credentialIds) {
		await step(t, ctx, `credential ${ref.name}: the editor's Test`, async () => {
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
			await shot(t, page, `credential-${type}${ref.bad ? '-wrong-key' : ''}`);
			await page.keyboard.press('Escape');
		});
	}
}

async function searchChecks(t, ctx, baseUrl, rest, ours, typesByName, NodeHelpers) {
	const { check } = t;
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
			t,
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
				await shot(t, page, `search-next-${desc.displayName}`);
				// open it: every operation is offered as an action
				const item = creatorItem(page, desc.displayName);
				if (await item.count()) {
					await item.click();
					const wanted = configurations(desc, NodeHelpers)
						.filter((c) => c.action)
						.map((c) => c.action);
					// n8n's node creator renders a long list lazily, five items per tick: on a loaded
					// machine 75 actions take more than a moment, so read until all are there or 15 s passed
					let listed = [];
					let missing = wanted;
					for (const until = Date.now() + 15_000; ; ) {
						listed = (await creatorItemNames(page)).map((s) => s.toLowerCase());
						missing = wanted.filter((a) => !listed.some((l) => l.includes(a.toLowerCase())));
						if (missing.length === 0 || Date.now() > until) break;
						await page.waitForTimeout(250);
					}
					check(
						`"${desc.displayName}" in the panel lists all ${wanted.length} operations as actions`,
						wanted.length > 0 && missing.length === 0,
						{ missing, listed },
					);
					await shot(t, page, `search-next-${desc.displayName}-actions`);
				}
				await closeNodeCreator(page);
			},
		);
	}
	// the canvas "+" button (top right), same panel, another entry point
	await openWorkflow(page, baseUrl, onlyTrigger, 'Start');
	for (const desc of [...actions, ...triggers]) {
		await step(t, ctx, `canvas "+" button: search "${desc.displayName}"`, async () => {
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
			await shot(t, page, `search-plus-${desc.displayName}`);
			await closeNodeCreator(page);
		});
	}
	// the first step of an empty workflow: the trigger panel
	for (const desc of triggers) {
		await step(t, ctx, `trigger panel: search "${desc.displayName}"`, async () => {
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
			await shot(t, page, `search-trigger-${desc.displayName}`);
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
			await shot(t, page, `search-trigger-${desc.displayName}-opened`);
			await closeNodeCreator(page);
		});
	}
	// an AI Agent's tool picker: every action node as "<name> Tool"
	if (withAgent) {
		await openWorkflow(page, baseUrl, withAgent, 'AI Agent');
		for (const desc of actions) {
			const toolName = typesByName[`${desc.name}Tool`]?.displayName ?? `${desc.displayName} Tool`;
			await step(t, ctx, `AI Agent tool picker: search "${desc.displayName}"`, async () => {
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
				await shot(t, page, `search-tool-${desc.displayName}`);
				await closeNodeCreator(page);
			});
		}
	}
}

/** The repository's output schema for a node type and configuration, or undefined. */
function repoSchema(desc, config) {
	const root = path.resolve(__dirname, '..', '..', '..');
	const short = desc.name.split('.')[1];
	const file = require(path.join(root, 'package.json')).n8n.nodes.find((f) => {
		const base = path.basename(f).replace(/\.node\.js$/, '');
		return base.charAt(0).toLowerCase() + base.slice(1) === short;
	});
	if (!file) return undefined;
	const [major, minor = '0', patch = '0'] = String(latestVersion(desc)).split('.');
	const schemaPath = path.join(
		root,
		path.dirname(file).replace(/^dist\//, ''),
		'__schema__',
		`v${major}.${minor}.${patch}`,
		config.resource,
		`${config.operation}.json`,
	);
	return fs.existsSync(schemaPath) ? JSON.parse(fs.readFileSync(schemaPath, 'utf8')) : undefined;
}

/**
 * Before anything has run, the next node's input panel previews an operation's output fields
 * from its schema ("Usually outputs the following fields"): one operation per action node.
 */
async function schemaPreviews(t, ctx, baseUrl, rest, ours, NodeHelpers) {
	const { check } = t;
	const page = ctx.page;
	const actions = ours.filter((d) => !d.name.endsWith('Tool') && !d.group?.includes('trigger'));
	for (const desc of actions) {
		const config = configurations(desc, NodeHelpers).find((c) => c.operation);
		const schema = config && repoSchema(desc, config);
		if (!check(`${desc.displayName} → ${config?.label}: the repository has its schema`, schema))
			continue;
		const wf = configurationsWorkflow(desc, [config], NodeHelpers, 200, undefined);
		wf.name = `Browser e2e: ${desc.displayName}, schema preview`;
		wf.nodes.push({
			id: uuid(200, 99),
			name: 'Next Step',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [700, 0],
			parameters: {},
		});
		wf.connections[config.nodeName] = {
			main: [[{ node: 'Next Step', type: 'main', index: 0 }]],
		};
		const created = await rest.call('POST', '/rest/workflows', wf);
		const id = created.json?.data?.id;
		if (
			!check(`${desc.displayName}: schema preview workflow created`, id, created.text.slice(0, 300))
		)
			continue;
		await step(t, ctx, `${desc.displayName} → ${config.label}: schema preview`, async () => {
			await openWorkflow(page, baseUrl, id, 'Next Step');
			await page
				.locator(`${tid('canvas-node')}[data-node-name="Next Step"]`)
				.first()
				.dblclick();
			await page.locator(tid('ndv')).first().waitFor({ state: 'visible' });
			const wanted = Object.keys(schema.properties).slice(0, 3);
			let shown = [];
			let preview = false;
			for (const until = Date.now() + 10_000; ; ) {
				({ shown, preview } = await page.evaluate(() => {
					const panel = document.querySelector('[data-test-id="ndv-input-panel"]');
					return {
						preview: !!panel?.querySelector('[data-test-id="schema-preview-warning"]'),
						shown: [
							...(panel?.querySelectorAll('[data-test-id="run-data-schema-item"]') ?? []),
						].map((e) => (e.innerText ?? '').split('\n')[0].trim()),
					};
				}));
				if ((preview && wanted.every((w) => shown.includes(w))) || Date.now() > until) break;
				await page.waitForTimeout(200);
			}
			check(
				`${desc.displayName} → ${config.label}: before any run, the next node's input previews its fields (${wanted.join(', ')})`,
				preview && wanted.every((w) => shown.includes(w)),
				{ preview, shown: shown.slice(0, 20) },
			);
			await shot(t, page, `schema-preview-${desc.displayName}`);
			await page.locator(tid('ndv-close-button')).first().click();
			// closed before the next workflow is opened: navigating while n8n 2.41's panel is still
			// closing threw "injectNDVStore() was accessed without an active workflow document store"
			// in its editor once (CI, Dify's step)
			await page.locator(tid('ndv')).first().waitFor({ state: 'hidden', timeout: 5000 });
		});
	}
}

module.exports = {
	checkIconsServed,
	examplesOnCanvas,
	panels,
	credentialTests,
	searchChecks,
	schemaPreviews,
};
