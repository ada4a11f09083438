#!/usr/bin/env node
// `npm run scan`, second half: n8n's community-package scanner over every package that
// `npm run build:packages` makes, the two ways the registry scan (`npx @n8n/scan-community-package
// <name>`) looks at a published package:
//  1. its source, found as the scanner finds it: the committed package.json with the package's
//     name (dev/packages/<name>/ for a service, the repository root for the bundle), linted with
//     its nodes/ and credentials/ (full rule set, in that package's context: its credentials only);
//  2. its `npm pack` tarball, unpacked (compiled .js + the published package.json).
// Also: dev/packages/ is what the build derives (else the published package.json would not be the
// committed one), and each tarball ships only package.json, README.md, LICENSE, dist/, examples/.
// Needs dist/ (npm run build). Builds the packages into a temp folder. Exit code 1 on any problem.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const packages = require('./index.js');
const root = packages.REPO_ROOT;
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
	'@n8n/scan-community-package/scanner/scanner.mjs'
);

let failed = false;
const fail = (message, details) => {
	failed = true;
	console.error(`✗ ${message}`);
	if (details) console.error(details);
};

const t0 = Date.now();
let planned;
try {
	planned = packages.plan();
} catch (error) {
	fail(`packages: ${error.message}`);
	process.exit(1);
}

const stale = packages.staleSourceRoots(planned);
if (stale.length)
	fail(
		`dev/packages/ is not what the build derives (run \`npm run build:packages\` and commit dev/packages/):`,
		`  ${stale.join('\n  ')}`,
	);
else console.log(`✓ dev/packages/ is current`);

// what the registry scan would take as each package's source: the first committed package.json
// with its name (scanner.mjs findPackageRoot, over the files git would put in the source tarball)
const committed = execFileSync(
	'git',
	['ls-files', '--cached', '--others', '--exclude-standard', '--', '*package.json'],
	{ cwd: root, encoding: 'utf8' },
)
	.split('\n')
	.filter(Boolean)
	.filter((f) => !f.split('/').includes('node_modules'));
function sourceRootOf(name) {
	for (const file of committed) {
		try {
			if (JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')).name === name)
				return path.dirname(path.join(root, file));
		} catch {
			/* not JSON: keep looking, as the scanner does */
		}
	}
	return null;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-connectors-packages-scan-'));
try {
	const built = packages.writeAll(planned, path.join(work, 'packages'));
	for (const { name, dir, bundle } of built) {
		const results = [];
		const source = sourceRootOf(name);
		const expected = bundle ? root : path.join(here, name);
		if (source !== expected) {
			fail(
				`${name}: the registry scan would take its source from ${source ? path.relative(root, source) || '.' : 'nowhere'} (expected ${path.relative(root, expected) || '.'})`,
			);
		} else if (!bundle) {
			// the bundle's source leg is scripts/scan.mjs's "source tree"
			const result = await analyzePackage(source, SOURCE_FILE_PATTERNS);
			if (result.passed) results.push('source');
			else
				fail(
					`${name}: source scan (${path.relative(root, source)}): ${result.message}`,
					result.details,
				);
		}

		const packed = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
				cwd: dir,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}),
		)[0];
		const shipped = packed.files.map((f) => f.path);
		const strays = shipped.filter(
			(p) =>
				!/^(package\.json|README\.md|LICENSE|dist\/.+|examples\/[^/]+\.json)$/.test(p) &&
				!(bundle && p === planned.pkg.main),
		);
		if (strays.length)
			fail(`${name}: the tarball ships more than its package: ${strays.join(', ')}`);
		const unpacked = path.join(work, `unpacked-${name}`);
		fs.mkdirSync(unpacked);
		execFileSync('tar', [
			'-xzf',
			path.join(work, packed.filename),
			'-C',
			unpacked,
			'--strip-components=1',
		]);
		const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
		if (manifest.dependencies && Object.keys(manifest.dependencies).length)
			fail(`${name}: has runtime dependencies`);
		// what keeps `npm install <package>` in ~/.n8n/nodes to this one package (README, Install)
		if (manifest.peerDependenciesMeta?.['n8n-workflow']?.optional !== true)
			fail(`${name}: its n8n-workflow peer is not marked optional (peerDependenciesMeta)`);
		const tarball = await analyzePackage(unpacked, ['**/*.js', 'package.json']);
		if (tarball.passed)
			results.push(`tarball (${shipped.length} files, ${(packed.size / 1024).toFixed(0)} kB)`);
		else fail(`${name}: tarball scan: ${tarball.message}`, tarball.details);
		if (results.length === (bundle ? 1 : 2))
			console.log(`✓ scan passed: ${name}: ${results.join(', ')}`);
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
console.log(
	`  (${planned.services.length} service packages + the bundle, ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
);
process.exit(failed ? 1 : 0);
