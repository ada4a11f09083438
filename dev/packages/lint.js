#!/usr/bin/env node
'use strict';
/**
 * `npm run lint:packages`: n8n's own lint (`n8n-node lint`, strict, the default eslint config,
 * i.e. n8n Cloud support on) in each service package's context: a staging folder per package with
 * its committed package.json (dev/packages/<name>/) and copies of the sources it links to. What
 * this adds to `npm run lint` (which lints all sources with the bundle's package.json): the rules
 * that read package.json see the service's own (its credentials, its nodes). Slower than the
 * scan (one eslint with type information per package), so not in scripts/test.sh; publish.yml runs it.
 * Each package's n8n Cloud eligibility (`n8n-node cloud-support`: strict mode + default config) too.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const packages = require('./index');

const root = packages.REPO_ROOT;
const planned = packages.plan();
const stale = packages.staleSourceRoots(planned);
if (stale.length) {
	console.error(
		`✗ dev/packages/ is stale: run \`npm run build:packages\` first\n  ${stale.join('\n  ')}`,
	);
	process.exit(1);
}
const cli = path.join(root, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
let failed = 0;
for (const service of planned.services) {
	const t0 = Date.now();
	const stage = path.join(root, '.tmp', 'lint-packages', service.name);
	fs.rmSync(stage, { recursive: true, force: true });
	// eslint does not follow symlinked folders: copy what the source root links to
	fs.cpSync(path.join(packages.SOURCE_ROOTS_DIR, service.name), stage, {
		recursive: true,
		dereference: true,
	});
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
	fs.copyFileSync(path.join(root, 'eslint.config.mjs'), path.join(stage, 'eslint.config.mjs'));
	const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
	tsconfig.include = ['credentials/**/*.ts', 'nodes/**/*.ts'];
	tsconfig.compilerOptions.types = ['node'];
	fs.writeFileSync(path.join(stage, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
	const result = spawnSync(process.execPath, [cli, 'lint'], {
		cwd: stage,
		encoding: 'utf8',
		env: { ...process.env, CI: 'true' },
	});
	// n8n Cloud eligibility as n8n's CLI reports it: strict mode and the default eslint config
	const cloud = spawnSync(process.execPath, [cli, 'cloud-support'], {
		cwd: stage,
		encoding: 'utf8',
		input: '',
		env: { ...process.env, CI: 'true' },
	});
	// eslint-disable-next-line no-control-regex
	if (!/Cloud support is ENABLED/.test(cloud.stdout.replace(/\u001b\[[0-9;]*m/g, ''))) {
		failed++;
		console.error(`✗ n8n-node cloud-support: ${service.name} is not eligible\n${cloud.stdout}`);
	}
	const seconds = ((Date.now() - t0) / 1000).toFixed(1);
	if (result.status === 0) {
		console.log(`✓ n8n-node lint passed: ${service.name}, cloud support enabled (${seconds} s)`);
	} else {
		failed++;
		console.error(`✗ n8n-node lint failed: ${service.name}\n${result.stdout}${result.stderr}`);
	}
}
process.exit(failed ? 1 : 0);
