#!/usr/bin/env node
// Runs n8n's community-package scanner offline, the way the registry's scan does it:
//  1. the source tree (package.json + nodes/ + credentials/) with the full rule set;
//  2. the unpacked `npm pack` tarball (compiled .js + the published package.json).
// Needs a build first (npm run build). Exit code 1 on any violation.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
	'@n8n/scan-community-package/scanner/scanner.mjs'
);

if (!fs.existsSync(path.join(root, 'dist'))) {
	console.error('dist/ is missing: run `npm run build` first');
	process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-connectors-scan-'));
let failed = false;
try {
	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	report('source tree', source);

	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [{ filename, files }] = JSON.parse(out);
	const unpacked = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, path.basename(filename)), '-C', work]);
	const shipped = files.map((f) => f.path);
	const { main } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	// npm always packs package.json, README, LICENSE and the "main" entry point besides "files"
	const strays = shipped.filter(
		(p) =>
			!(
				p === 'package.json' ||
				p === main ||
				p.startsWith('dist/') ||
				/^(README|LICENSE)/i.test(p)
			),
	);
	if (strays.length) {
		failed = true;
		console.error(`✗ tarball ships files outside dist/: ${strays.join(', ')}`);
	}
	const tarball = await analyzePackage(unpacked, ['**/*.js', 'package.json']);
	report(`tarball ${path.basename(filename)} (${shipped.length} files)`, tarball);
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

function report(label, result) {
	if (result.passed) {
		console.log(`✓ scan passed: ${label}${result.message ? ` (${result.message})` : ''}`);
	} else {
		failed = true;
		console.error(`✗ scan failed: ${label}: ${result.message}`);
		if (result.details) console.error(result.details);
	}
}
