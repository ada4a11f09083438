'use strict';
/**
 * The browser part's tools: playwright-core from this folder's own package.json/lockfile (installed
 * on demand into ./node_modules, no browser download) and Debian's chromium (apt-get when missing).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO_ROOT } = require('../lib');

const TOOL_DIR = __dirname;

function say(text) {
	console.log(`browser: ${text}`);
}

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

module.exports = { say, loadPlaywright, findChromium };
