'use strict';
/**
 * The package inside an instance, as n8n sees a community package installed from the registry:
 * <userFolder>/.n8n/nodes/node_modules/n8n-nodes-chat-connectors, listed in the nodes folder's
 * package.json.
 */
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./versions');

const PACKAGE_NAME = 'n8n-nodes-chat-connectors';

/**
 * mode 'copy' (default): copies package.json (+ README/LICENSE if present) and dist/.
 * mode 'symlink': a symlink to the package folder (dist changes are seen without re-linking).
 */
function linkPackage(userFolder, { packageDir = REPO_ROOT, mode = 'copy' } = {}) {
	const pkgJson = path.join(packageDir, 'package.json');
	const distDir = path.join(packageDir, 'dist');
	if (!fs.existsSync(distDir)) {
		throw new Error(`${distDir} does not exist: run "npm run build" first`);
	}
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.rmSync(target, { recursive: true, force: true });
	// n8n reads the nodes folder's own package.json to know which community packages exist.
	const nodesPkg = path.join(nodesDir, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
	let nodesManifest = { name: 'installed-nodes', private: true, dependencies: {} };
	if (fs.existsSync(nodesPkg)) nodesManifest = JSON.parse(fs.readFileSync(nodesPkg, 'utf8'));
	nodesManifest.dependencies = {
		...(nodesManifest.dependencies || {}),
		[PACKAGE_NAME]: pkg.version,
	};
	fs.writeFileSync(nodesPkg, JSON.stringify(nodesManifest, null, 2) + '\n');
	if (mode === 'symlink') {
		fs.symlinkSync(packageDir, target, 'dir');
	} else {
		fs.mkdirSync(target, { recursive: true });
		fs.copyFileSync(pkgJson, path.join(target, 'package.json'));
		for (const f of ['README.md', 'LICENSE', 'LICENSE.md']) {
			const src = path.join(packageDir, f);
			if (fs.existsSync(src)) fs.copyFileSync(src, path.join(target, f));
		}
		fs.cpSync(distDir, path.join(target, 'dist'), { recursive: true });
	}
	return target;
}

module.exports = { PACKAGE_NAME, linkPackage };
