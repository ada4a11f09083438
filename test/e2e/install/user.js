'use strict';
/**
 * What a self-hoster does to install a package by hand, as the package's README says, done the
 * same way here: read the command from the README that ships in the tarball, then run it in a
 * fresh n8n user folder's ~/.n8n/nodes with the npm on the machine, under the node that n8n
 * version runs on, in a shell environment without any of this repository's npm settings.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

/**
 * The manual-install lines of a README: the first fenced block that holds `npm install <name>`,
 * as { mkdir, cd, install } (the lines that create and enter ~/.n8n/nodes, and the install).
 */
function manualInstallCommand(readme, packageName) {
	for (const block of readme.matchAll(/```(?:bash|sh)?\n([\s\S]*?)```/g)) {
		const lines = block[1]
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean);
		const install = lines.find((l) => /^npm (install|i) /.test(l));
		if (!install) continue;
		return {
			lines,
			install,
			name: install.split(/\s+/)[2],
			entersNodesFolder: lines.some((l) => /cd ~\/\.n8n\/nodes/.test(l)),
			matches: install === `npm install ${packageName}`,
		};
	}
	return null;
}

/** The environment of a user's shell: HOME is the n8n user folder, no npm_* or N8N_* settings. */
function userEnv(userFolder, nodeBin) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^(npm_|N8N_|NODE_OPTIONS$|NODE_PATH$|INIT_CWD$)/i.test(k)) continue;
		env[k] = v;
	}
	return {
		...env,
		HOME: userFolder,
		// n8n 2.41 brings its own node: a user on that n8n has it first on PATH
		PATH: [path.dirname(nodeBin), process.env.PATH].filter(Boolean).join(path.delimiter),
		NO_COLOR: '1',
	};
}

function run(cmd, args, { cwd, env, timeoutMs = 300000 }) {
	return new Promise((resolve) => {
		const t0 = Date.now();
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			resolve({ code: -1, out: `${out}${error.message}`, ms: Date.now() - t0 });
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, out, ms: Date.now() - t0 });
		});
	});
}

/**
 * `mkdir -p ~/.n8n/nodes && cd ~/.n8n/nodes && npm install <tarball>` for a user whose HOME is
 * userFolder (n8n's N8N_USER_FOLDER), on nodeBin's node. Resolves
 * { code, out, ms, nodesDir, installed: [names in node_modules], npmVersion, nodeVersion }.
 */
async function npmInstall({ userFolder, nodeBin, spec, timeoutMs }) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const env = userEnv(userFolder, nodeBin);
	const versions = await run('npm', ['--version'], { cwd: nodesDir, env });
	const result = await run('npm', ['install', spec], { cwd: nodesDir, env, timeoutMs });
	const modules = path.join(nodesDir, 'node_modules');
	const installed = fs.existsSync(modules)
		? fs
				.readdirSync(modules)
				.filter((n) => !n.startsWith('.'))
				.flatMap((n) =>
					n.startsWith('@') ? fs.readdirSync(path.join(modules, n)).map((m) => `${n}/${m}`) : [n],
				)
		: [];
	return { ...result, nodesDir, installed, npmVersion: versions.out.trim() };
}

module.exports = { manualInstallCommand, userEnv, npmInstall };
