#!/usr/bin/env node
/**
 * Where an item's time goes: runs bench/per-item.profile.ts (the ClickUp Chat node over 1000 items,
 * five times) under V8's CPU profiler and prints the self time by area (this package, n8n-core,
 * n8n-workflow, other packages, Node's internals, garbage collection) and the hottest frames.
 *
 *   node bench/profile.js [--top 30] [--concurrency 1] [--items 1000] [--rounds 5]
 *
 * The profile is kept in .tmp/profile/ (gitignored) for Chrome DevTools or speedscope.
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, '.tmp', 'profile');

function argument(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : fallback;
}

const TOP = Number(argument('top', 30));

fs.rmSync(DIR, { recursive: true, force: true });
fs.mkdirSync(DIR, { recursive: true });
const run = spawnSync(
	process.execPath,
	[
		'--cpu-prof',
		`--cpu-prof-dir=${DIR}`,
		'--cpu-prof-interval=200',
		path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
		'--ci',
		'--config',
		'bench/jest.config.js',
		'--runInBand',
		'--testMatch',
		'**/bench/per-item.profile.ts',
	],
	{
		cwd: ROOT,
		stdio: 'inherit',
		env: {
			...process.env,
			PROFILE_ITEMS: argument('items', '1000'),
			PROFILE_ROUNDS: argument('rounds', '5'),
			PROFILE_CONCURRENCY: argument('concurrency', '1'),
		},
	},
);
if (run.status !== 0) process.exit(run.status ?? 1);

const file = fs
	.readdirSync(DIR)
	.filter((name) => name.endsWith('.cpuprofile'))
	.map((name) => path.join(DIR, name))
	.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));

// self time per node: samples × their intervals
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
	const delta = profile.timeDeltas[i + 1] ?? 0;
	selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + delta);
}
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes)
	for (const child of node.children ?? []) parent.set(child, node.id);

function area(url) {
	if (!url) return 'V8 / native';
	if (url.startsWith('node:')) return 'Node internals';
	if (url.includes('/node_modules/n8n-core/')) return 'n8n-core';
	if (url.includes('/node_modules/n8n-workflow/')) return 'n8n-workflow';
	if (url.includes('/node_modules/')) {
		const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
		return `package ${match ? match[1] : '?'}`;
	}
	if (url.includes('/nodes/') || url.includes('/credentials/')) return 'this package';
	if (url.includes('/test/') || url.includes('/dev/') || url.includes('/bench/'))
		return 'harness / simulator';
	return 'other';
}

const frames = new Map();
const areas = new Map();
let total = 0;
// samples under one of this package's frames, split by whether n8n's request helper is between
// the package frame and the sample: the package's own share (its code and the n8n calls it makes
// per item: parameters, credentials, node copies) against the request it asks n8n to send
const HELPERS = new Set([
	'httpRequestWithAuthentication',
	'requestWithAuthentication',
	'httpRequest',
]);
const own = { us: 0, leaves: new Map(), callers: new Map() };
let helperUs = 0;
let loadingUs = 0;
let expressionUs = 0;
function frameName(node) {
	const { functionName, url, lineNumber } = node.callFrame;
	const where = url
		? `${url.replace(ROOT + '/', '').replace(/^file:\/\//, '')}:${lineNumber + 1}`
		: '';
	return `${functionName || '(anonymous)'} ${where}`;
}
for (const [id, us] of selfUs) {
	const node = byId.get(id);
	const name = node.callFrame.functionName || '(anonymous)';
	const key = frameName(node);
	frames.set(key, (frames.get(key) ?? 0) + us);
	const a = ['(garbage collector)', '(idle)', '(program)'].includes(name)
		? name
		: area(node.callFrame.url);
	areas.set(a, (areas.get(a) ?? 0) + us);
	if (name !== '(idle)') total += us;
	let throughHelper = false;
	let throughExpression = false;
	for (let up = id; up !== undefined; up = parent.get(up)) {
		const frame = byId.get(up);
		if (frame.callFrame.functionName === 'moduleRequire') {
			// loading a module (jest's require), not running it
			if (name !== '(idle)') loadingUs += us;
			break;
		}
		if (area(frame.callFrame.url) === 'this package') {
			if (throughHelper) helperUs += us;
			else if (throughExpression) expressionUs += us;
			else {
				own.us += us;
				own.leaves.set(key, (own.leaves.get(key) ?? 0) + us);
				const caller = frameName(frame);
				own.callers.set(caller, (own.callers.get(caller) ?? 0) + us);
			}
			break;
		}
		if (HELPERS.has(frame.callFrame.functionName) && area(frame.callFrame.url) === 'n8n-core')
			throughHelper = true;
		// n8n evaluating an expression of the workflow's (a parameter's `={{ … }}`)
		if (
			frame.callFrame.functionName === 'resolveSimpleParameterValue' &&
			frame.callFrame.url.includes('/n8n-workflow/') &&
			frame.callFrame.url.endsWith('expression.js')
		)
			throughExpression = true;
	}
}

const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`\nprofile: ${path.relative(ROOT, file)}; ${ms(total).trim()} busy (idle not counted)`);
console.log('\nself time by area:');
for (const [name, us] of top(areas, 12))
	if (name !== '(idle)') console.log(`  ${ms(us)} ${pct(us)}  ${name}`);
const under = own.us + helperUs + expressionUs;
console.log(
	`\nunder this package's frames (synchronously; module loading apart): ${ms(under).trim()} (${pct(under).trim()})`,
);
console.log(
	`  the package's own share (its code and the n8n calls it makes): ${ms(own.us).trim()} (${pct(own.us).trim()})`,
);
console.log(
	`  n8n evaluating the workflow's expressions, read by the package: ${ms(expressionUs).trim()} (${pct(expressionUs).trim()})`,
);
console.log(
	`  n8n's request helper, called by the package: ${ms(helperUs).trim()} (${pct(helperUs).trim()})`,
);
console.log(`loading modules: ${ms(loadingUs).trim()} (${pct(loadingUs).trim()})`);
console.log(`\nthe own share's hottest frames (self time):`);
for (const [name, us] of top(own.leaves, TOP)) console.log(`  ${ms(us)} ${pct(us)}  ${name}`);
console.log(`\nthe own share by the package's innermost frame (what our code was doing):`);
for (const [name, us] of top(own.callers, 20)) console.log(`  ${ms(us)} ${pct(us)}  ${name}`);
console.log(`\nhottest ${TOP} frames overall (self time):`);
for (const [name, us] of top(frames, TOP + 1))
	if (!name.startsWith('(idle)')) console.log(`  ${ms(us)} ${pct(us)}  ${name}`);
