#!/usr/bin/env node
/**
 * `npm run lint`: n8n's official community-node lint over everything that ships.
 *  1. `n8n-node lint` (strict mode, the default eslint.config.mjs, unchanged) on a staging folder
 *     that holds only what ships: package.json, nodes/, credentials/. Test and tooling code
 *     (test/, bench/, scripts/) may use timers and `process`, so it is not in that folder.
 *  2. The same community rules the registry scan applies to compiled code, over dist/ (if built).
 *  0. Prettier's check over the whole tree (`npm run format` fixes it).
 * `--fix` passes through to step 1; fixed files are copied back.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

const prettier = path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
const formatted = spawnSync(process.execPath, [prettier, '--check', '--log-level', 'warn', '.'], {
	cwd: root,
	stdio: 'inherit',
});
if (formatted.status !== 0) {
	console.error('✗ formatting: run `npm run format` (Prettier) and commit the result');
	process.exit(formatted.status || 1);
}
console.log('✓ formatting (Prettier) checked');
const stage = path.join(root, '.tmp', 'lint');
fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
// eslint does not follow symlinked folders: copy the shipped sources, link only node_modules
fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
for (const entry of ['nodes', 'credentials']) {
	fs.cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
}
for (const file of ['package.json', 'eslint.config.mjs', 'tsconfig.json']) {
	fs.copyFileSync(path.join(root, file), path.join(stage, file));
}
// the staged tsconfig only covers the shipped tree
const tsconfig = JSON.parse(fs.readFileSync(path.join(stage, 'tsconfig.json'), 'utf8'));
tsconfig.include = ['credentials/**/*.ts', 'nodes/**/*.ts'];
fs.writeFileSync(path.join(stage, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));

const cli = path.join(root, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
const args = [cli, 'lint', ...process.argv.slice(2).filter((a) => a === '--fix')];
const result = spawnSync(process.execPath, args, {
	cwd: stage,
	stdio: 'inherit',
	env: { ...process.env, CI: 'true' },
});
if (process.argv.includes('--fix')) {
	for (const entry of ['nodes', 'credentials'])
		fs.cpSync(path.join(stage, entry), path.join(root, entry), { recursive: true });
}
if (result.status !== 0) {
	console.error('✗ n8n-node lint failed');
	process.exit(result.status || 1);
}
console.log('✓ n8n-node lint passed (nodes/, credentials/, package.json)');

(async () => {
	if (!fs.existsSync(path.join(root, 'dist'))) {
		console.log('- dist/ not built: skipped the compiled-code lint (run `npm run build` first)');
		return;
	}
	const { analyzePackage } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const dist = await analyzePackage(root, ['dist/**/*.js']);
	if (!dist.passed) {
		console.error(`✗ compiled-code lint failed: ${dist.message}`);
		if (dist.details) console.error(dist.details);
		process.exit(1);
	}
	console.log('✓ compiled-code lint passed (dist/)');
})();
