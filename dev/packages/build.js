#!/usr/bin/env node
'use strict';
/**
 * `npm run build:packages` (after `npm run build`): one publishable folder per service plus the
 * bundle, from the same dist/, in .tmp/packages/<name>/; then the committed source roots
 * dev/packages/<name>/ brought up to date (see index.js for why they exist).
 *
 *   node dev/packages/build.js                 build into .tmp/packages/, update dev/packages/
 *   node dev/packages/build.js --out DIR       build into DIR instead
 *   node dev/packages/build.js --check         only say whether dev/packages/ is current (exit 1 if not)
 *   node dev/packages/build.js --sync-version  set dev/packages/*'s versions to package.json's
 *                                               (the "version" script: npm version runs it)
 */
const path = require('node:path');
const packages = require('./index');

function arg(name) {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

function main() {
	if (process.argv.includes('--sync-version')) {
		const changed = packages.syncVersions();
		console.log(
			changed.length
				? `✓ version synced in ${changed.join(', ')}`
				: '✓ dev/packages/ versions already current',
		);
		return 0;
	}
	const planned = packages.plan();
	if (process.argv.includes('--check')) {
		const stale = packages.staleSourceRoots(planned);
		if (stale.length) {
			console.error(
				`✗ dev/packages/ is not what the build derives:\n  ${stale.join('\n  ')}\n  run \`npm run build:packages\` and commit dev/packages/`,
			);
			return 1;
		}
		console.log(`✓ dev/packages/ is current (${planned.services.map((s) => s.name).join(', ')})`);
		return 0;
	}
	const out = path.resolve(arg('--out') ?? packages.DEFAULT_OUT_DIR);
	const written = packages.writeAll(planned, out);
	for (const unit of [...planned.services, planned.bundle]) {
		const nodes = unit.nodes.map((n) => n.displayName).join(', ');
		const creds = unit.credentials.map((c) => c.name).join(', ');
		console.log(
			`✓ ${unit.name}@${planned.version}: ${nodes} | ${creds} | ${unit.files.length} dist files, ${unit.examples.length} examples`,
		);
		for (const warning of unit.readmeWarnings ?? [])
			console.log(`  ! README of ${unit.name}: ${warning}`);
	}
	console.log(
		`  written to ${path.relative(process.cwd(), out) || out}/{${written.map((w) => w.name).join(',')}}`,
	);
	const changed = packages.writeSourceRoots(planned);
	console.log(
		changed.length
			? `✓ dev/packages/ updated (commit it):\n  ${changed.join('\n  ')}`
			: '✓ dev/packages/ already current',
	);
	return 0;
}

try {
	process.exitCode = main();
} catch (error) {
	console.error(`✗ build:packages: ${error.message}`);
	process.exitCode = 1;
}
