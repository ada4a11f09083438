/**
 * Build steps after `tsc`:
 *  - assets: copy every SVG, codex .node.json and output schema (__schema__/) next to the compiled node/credential (binary-safe: gulp 5 re-encodes
 *    files as UTF-8 unless told `encoding: false`);
 *  - vendor: bundle the devDependencies the shipped code imports (eventsource-parser) into
 *    dist/vendor and point the compiled requires at them, so dist/ needs nothing but
 *    n8n-workflow and node's built-ins;
 *  - verify: fail the build if any file in dist/ requires anything else, or names a source map.
 * No source maps ship (tsconfig.build.json: sourceMap false): n8n maps stack traces through
 * source-map-support, so a map without its .ts sources made traces name files not in the package.
 */
const { src, dest, series } = require('gulp');
const fs = require('fs');
const path = require('path');
const { builtinModules } = require('module');

const DIST = path.join(__dirname, 'dist');

/** package name -> file (relative to node_modules) copied into dist/vendor/<name>/index.js */
const VENDORED = {
	'eventsource-parser': {
		file: 'eventsource-parser/dist/index.cjs',
		license: 'eventsource-parser/LICENSE',
	},
};

function assets() {
	return src(
		[
			'nodes/**/*.svg',
			'nodes/**/*.png',
			'nodes/**/*.node.json',
			'nodes/**/__schema__/**/*.json',
			'credentials/**/*.svg',
			'credentials/**/*.png',
		],
		{
			base: '.',
			encoding: false,
		},
	).pipe(dest('dist'));
}

function walk(dir, out = []) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, out);
		else if (entry.name.endsWith('.js')) out.push(full);
	}
	return out;
}

async function vendor() {
	for (const [name, { file, license }] of Object.entries(VENDORED)) {
		const target = path.join(DIST, 'vendor', name);
		fs.mkdirSync(target, { recursive: true });
		// without its sourceMappingURL: the map (and the sources it names) is not shipped
		const code = fs.readFileSync(
			require.resolve(path.join(__dirname, 'node_modules', file)),
			'utf8',
		);
		fs.writeFileSync(
			path.join(target, 'index.js'),
			code.replace(/^\/\/# sourceMappingURL=.*$/m, '').trimEnd() + '\n',
		);
		const lic = path.join(__dirname, 'node_modules', license);
		if (fs.existsSync(lic)) fs.copyFileSync(lic, path.join(target, 'LICENSE'));
	}
	for (const file of walk(DIST)) {
		if (file.startsWith(path.join(DIST, 'vendor'))) continue;
		let code = fs.readFileSync(file, 'utf8');
		let changed = false;
		for (const name of Object.keys(VENDORED)) {
			const pattern = new RegExp(`require\\((["'])${name.replace(/[-/]/g, '\\$&')}\\1\\)`, 'g');
			if (!pattern.test(code)) continue;
			let rel = path
				.relative(path.dirname(file), path.join(DIST, 'vendor', name, 'index.js'))
				.split(path.sep)
				.join('/');
			if (!rel.startsWith('.')) rel = `./${rel}`;
			code = code.replace(pattern, `require("${rel}")`);
			changed = true;
		}
		if (changed) fs.writeFileSync(file, code);
	}
}

async function verify() {
	const allowed = new Set([
		'n8n-workflow',
		...builtinModules,
		...builtinModules.map((m) => `node:${m}`),
	]);
	const problems = [];
	for (const file of walk(DIST)) {
		const code = fs.readFileSync(file, 'utf8');
		for (const match of code.matchAll(/require\((["'])([^"']+)\1\)/g)) {
			const spec = match[2];
			if (spec.startsWith('.')) {
				const resolved = path.resolve(path.dirname(file), spec);
				if (
					!fs.existsSync(resolved) &&
					!fs.existsSync(`${resolved}.js`) &&
					!fs.existsSync(path.join(resolved, 'index.js'))
				) {
					problems.push(`${path.relative(__dirname, file)}: missing ${spec}`);
				}
			} else if (!allowed.has(spec)) {
				problems.push(`${path.relative(__dirname, file)}: requires "${spec}"`);
			}
		}
	}
	for (const file of walk(DIST).filter((f) => /\.(node|credentials)\.js$/.test(f))) {
		const code = fs.readFileSync(file, 'utf8');
		for (const match of code.matchAll(/file:([^'"]+\.svg)/g)) {
			if (!fs.existsSync(path.resolve(path.dirname(file), match[1])))
				problems.push(`${path.relative(__dirname, file)}: icon ${match[1]} missing`);
		}
	}
	for (const file of walk(DIST))
		if (/^\/\/# sourceMappingURL=/m.test(fs.readFileSync(file, 'utf8')))
			problems.push(`${path.relative(__dirname, file)}: names a source map that is not shipped`);
	if (problems.length) throw new Error(`dist/ is not self-contained:\n  ${problems.join('\n  ')}`);
}

exports.assets = assets;
exports.vendor = vendor;
exports.verify = verify;
exports.build = series(assets, vendor, verify);
exports.default = exports.build;
