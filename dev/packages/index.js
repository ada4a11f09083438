'use strict';
/**
 * One package per service, built from the same compiled dist/ as the bundle.
 *
 * n8n verifies (and so lists in its nodes panel and on n8n Cloud) only packages with one regular
 * node, optionally with its trigger, for one third-party service. The bundle
 * (n8n-nodes-chat-connectors) has five; this module splits the build into one package per service
 * and writes the bundle beside them, every one a folder ready for `npm publish`:
 *
 *   const packages = require('./dev/packages');
 *   const plan = packages.plan();            // what goes where, read from dist/ (npm run build first)
 *   packages.writeAll(plan, '.tmp/packages'); // the publishable folders
 *   packages.writeSourceRoots(plan);          // dev/packages/<name>/ (committed, see below)
 *
 * Where a node goes is read from the built node classes, not from a list kept by hand: a node
 * belongs to the service of its folder (dist/nodes/<Provider>/), so a trigger added beside its
 * action node (nodes/DevRev/DevRevTrigger.node.ts, listed in the bundle's package.json) joins that
 * service's package; a credential belongs to the service whose nodes name it in their description.
 * The one thing kept by hand is a service's npm name (PROVIDERS below), because a name must be
 * checked on the registry before it is chosen.
 *
 * Each package ships the files its entry points (its nodes and credentials) require, followed
 * from file to file, with the icons and codex files those name: the ClickUp Chat package does not
 * carry Dify's stream parser.
 *
 * The committed source roots, dev/packages/<name>/: n8n's scanner (@n8n/scan-community-package)
 * lints a published package's source at the commit its npm provenance names, and finds that
 * source by looking for a package.json with the package's name in the repository. So every
 * service package has one, committed, with links to the sources it is built from (its node
 * folder, nodes/common and its credentials), and is the package.json that is published (the
 * version aside, which is always package.json's). `npm run build:packages` rewrites them;
 * `npm run scan` fails when they are stale.
 */
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE_NAME = 'n8n-nodes-chat-connectors';
const SOURCE_ROOTS_DIR = __dirname;
const DEFAULT_OUT_DIR = path.join(REPO_ROOT, '.tmp', 'packages');

/**
 * npm name and keyword per service, by its folder in nodes/. Each name was looked up with
 * `npm view <name>` before it was chosen (n8n-nodes-dify belongs to another project, hence
 * n8n-nodes-dify-app); the first release's placeholder publish (CONTRIBUTING.md, Releasing) is
 * where npm itself confirms a name is free. A new provider folder needs a line here; a new node in
 * an existing folder does not.
 */
const PROVIDERS = {
	ClickUpChat: { name: 'n8n-nodes-clickup-chat', keyword: 'clickup' },
	DevRev: { name: 'n8n-nodes-devrev', keyword: 'devrev' },
	Dify: { name: 'n8n-nodes-dify-app', keyword: 'dify' },
	GravityRail: { name: 'n8n-nodes-gravity-rail', keyword: 'gravity-rail' },
	Zaia: { name: 'n8n-nodes-zaia', keyword: 'zaia' },
};

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function posix(p) {
	return p.split(path.sep).join('/');
}

/** The classes a compiled node/credential file exports, instantiated. */
function instances(file) {
	// eslint-disable-next-line global-require
	const exported = require(file);
	return Object.values(exported)
		.filter((value) => typeof value === 'function')
		.map((Cls) => new Cls());
}

/** A node's descriptions: one, or one per version for a VersionedNodeType. */
function descriptionsOf(node) {
	if (node.nodeVersions)
		return Object.values(node.nodeVersions).map((version) => ({
			...node.description,
			...version.description,
		}));
	return [node.description];
}

/** A trigger as n8n's node panel sorts them: group "trigger" (an action node may still have webhooks, e.g. to wait). */
function isTrigger(description) {
	return (description.group ?? []).includes('trigger') || description.polling === true;
}

/**
 * What goes where, read from the built dist/ and the bundle's package.json:
 * { version, root, bundle: { name, nodes, credentials }, services: [service] } where a service is
 * { provider, name, keyword, displayName, nodes: [{ file, name, displayName, trigger, credentials }],
 *   credentials: [{ file, name, displayName }], files: [dist-relative paths], examples: [...] }.
 * Throws with what to fix when the grouping is not one regular node per service.
 */
function plan({ root = REPO_ROOT } = {}) {
	const pkg = readJson(path.join(root, 'package.json'));
	const dist = path.join(root, 'dist');
	if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first`);
	const problems = [];

	const credentials = (pkg.n8n.credentials ?? []).map((file) => {
		const [credential] = instances(path.join(root, file));
		if (!credential?.name) problems.push(`${file}: exports no credential class`);
		return { file, name: credential?.name, displayName: credential?.displayName };
	});
	const credentialByName = new Map(credentials.map((c) => [c.name, c]));

	const nodes = pkg.n8n.nodes.map((file) => {
		const rel = path.relative('dist/nodes', file);
		const provider = posix(rel).split('/')[0];
		if (rel.startsWith('..') || !posix(rel).includes('/'))
			problems.push(`${file}: a node must live in dist/nodes/<Provider>/`);
		const [node] = instances(path.join(root, file));
		const descriptions = node ? descriptionsOf(node) : [];
		const description = descriptions[0] ?? {};
		const names = [
			...new Set(descriptions.flatMap((d) => (d.credentials ?? []).map((c) => c.name))),
		];
		for (const name of names)
			if (!credentialByName.has(name))
				problems.push(
					`${file}: names credential "${name}", which no file in package.json's n8n.credentials defines`,
				);
		return {
			file,
			provider,
			name: description.name,
			displayName: description.displayName,
			description: description.description,
			trigger: isTrigger(description),
			usableAsTool: !!description.usableAsTool,
			credentials: names,
		};
	});

	const byProvider = new Map();
	for (const node of nodes) {
		if (!byProvider.has(node.provider)) byProvider.set(node.provider, []);
		byProvider.get(node.provider).push(node);
	}
	const owner = new Map();
	for (const node of nodes)
		for (const name of node.credentials) {
			const other = owner.get(name);
			if (other && other !== node.provider)
				problems.push(
					`credential "${name}" is used by nodes of ${other} and ${node.provider}: a credential belongs to one service`,
				);
			owner.set(name, node.provider);
		}
	for (const c of credentials)
		if (c.name && !owner.has(c.name))
			problems.push(
				`${c.file}: no node names credential "${c.name}", so no service package ships it`,
			);

	const services = [];
	for (const [provider, members] of byProvider) {
		const meta = PROVIDERS[provider];
		if (!meta) {
			problems.push(
				`nodes/${provider}/ has no npm name: check one with \`npm view n8n-nodes-<name>\` and add it to PROVIDERS in dev/packages/index.js`,
			);
			continue;
		}
		const regular = members.filter((n) => !n.trigger);
		if (regular.length > 1)
			problems.push(
				`nodes/${provider}/ has ${regular.length} regular nodes (${regular.map((n) => n.displayName).join(', ')}): n8n verifies one regular node per package (a trigger beside it is fine)`,
			);
		const main = regular[0] ?? members[0];
		// the action node first, then its trigger(s), each in package.json's order
		const ordered = [...regular, ...members.filter((n) => n.trigger)];
		const names = new Set(ordered.flatMap((n) => n.credentials));
		services.push({
			provider,
			name: meta.name,
			keyword: meta.keyword,
			displayName: main.displayName,
			description: main.description,
			nodes: ordered,
			credentials: credentials.filter((c) => names.has(c.name)),
		});
	}
	if (problems.length) throw new Error(`cannot split the packages:\n  ${problems.join('\n  ')}`);

	for (const service of services) {
		service.files = closure(root, [
			...service.nodes.map((n) => n.file),
			...service.credentials.map((c) => c.file),
		]);
		service.examples = examplesFor(root, (type) =>
			service.nodes.some(
				(n) => type === `${pkg.name}.${n.name}` || type === `${pkg.name}.${n.name}Tool`,
			),
		);
	}
	const bundle = {
		name: pkg.name,
		displayName: pkg.name,
		nodes,
		credentials,
		files: closure(root, [...pkg.n8n.nodes, ...(pkg.n8n.credentials ?? [])]),
		examples: examplesFor(root, () => true),
	};
	return { root, version: pkg.version, pkg, bundle, services };
}

/**
 * The dist/ files that the entry files need: every relative require, followed; the codex file
 * (X.node.json) beside each node file; every icon a file names (`file:…svg|png`); the LICENSE of
 * a vendored module that is required. Paths relative to the package root (dist/...).
 */
function closure(root, entries) {
	const seen = new Set();
	const out = new Set();
	const queue = entries.map((e) => path.join(root, e));
	const missing = [];
	while (queue.length) {
		const file = queue.shift();
		if (seen.has(file)) continue;
		seen.add(file);
		if (!fs.existsSync(file)) {
			missing.push(posix(path.relative(root, file)));
			continue;
		}
		out.add(file);
		if (!file.endsWith('.js')) continue;
		const code = fs.readFileSync(file, 'utf8');
		for (const m of code.matchAll(/require\((["'])(\.{1,2}\/[^"']+)\1\)/g)) {
			const target = path.resolve(path.dirname(file), m[2]);
			const candidates = [target, `${target}.js`, path.join(target, 'index.js')];
			const hit = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
			if (hit) queue.push(hit);
			else missing.push(`${posix(path.relative(root, file))}: require("${m[2]}")`);
			const license = path.join(path.dirname(hit ?? target), 'LICENSE');
			if (hit && /[\\/]vendor[\\/]/.test(hit) && fs.existsSync(license)) queue.push(license);
		}
		for (const m of code.matchAll(/file:([^'"`]+\.(?:svg|png))/g))
			queue.push(path.resolve(path.dirname(file), m[1]));
		if (file.endsWith('.node.js')) {
			const codex = file.replace(/\.js$/, '.json');
			if (fs.existsSync(codex)) queue.push(codex);
			// the output schemas n8n's editor reads beside the node (__schema__/v<x.y.z>/…)
			const schemas = path.join(path.dirname(file), '__schema__');
			if (fs.existsSync(schemas))
				for (const entry of fs.readdirSync(schemas, { recursive: true }))
					if (String(entry).endsWith('.json')) queue.push(path.join(schemas, String(entry)));
		}
	}
	if (missing.length) throw new Error(`dist/ is missing files:\n  ${missing.join('\n  ')}`);
	return [...out].map((f) => posix(path.relative(root, f))).sort();
}

/** examples/*.json whose every node of this repository passes `belongs(type)`. */
function examplesFor(root, belongs) {
	const dir = path.join(root, 'examples');
	if (!fs.existsSync(dir)) return [];
	const prefix = `${readJson(path.join(root, 'package.json')).name}.`;
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.filter((file) => {
			const ours = readJson(path.join(dir, file))
				.nodes.map((n) => n.type)
				.filter((t) => t.startsWith(prefix));
			return ours.length > 0 && ours.every(belongs);
		});
}

/** A workflow (or any JSON) with the bundle's node types renamed to this package's. */
function renameNodeTypes(value, from, to) {
	return JSON.parse(JSON.stringify(value).split(`"${from}.`).join(`"${to}.`));
}

/** The published package.json of a service (also its committed source root's). */
function manifest(planned, service) {
	const { pkg, version } = planned;
	const nodes = service.nodes.map((n) => n.displayName);
	return {
		name: service.name,
		version,
		description: `n8n community node for ${service.displayName}: ${
			nodes.length > 1
				? `the ${nodes.slice(0, -1).join(', ')} and ${nodes.at(-1)} nodes`
				: `the ${nodes[0]} node`
		}, from ${BUNDLE_NAME}`,
		keywords: ['n8n-community-node-package', 'n8n', service.keyword],
		license: pkg.license,
		homepage: pkg.homepage,
		author: pkg.author,
		repository: { ...pkg.repository, directory: `dev/packages/${service.name}` },
		engines: pkg.engines,
		files: ['dist', 'examples'],
		n8n: {
			n8nNodesApiVersion: pkg.n8n.n8nNodesApiVersion,
			strict: pkg.n8n.strict,
			credentials: service.credentials.map((c) => c.file),
			nodes: service.nodes.map((n) => n.file),
		},
		// the bundle's: `n8n-workflow: *` (n8n's lint wants exactly that), marked optional since n8n
		// provides it (without the mark, `npm install <package>` in ~/.n8n/nodes, as n8n's docs
		// say, installs a second n8n-workflow and its whole dependency tree)
		peerDependencies: pkg.peerDependencies,
		peerDependenciesMeta: pkg.peerDependenciesMeta,
		...vendored(planned, service),
	};
}

/**
 * The modules the build bundles into dist/vendor/ that this package's sources import, as
 * devDependencies: n8n's lint allows an import of a devDependency (bundled at build) and of no
 * other package, and nobody installs them (npm and n8n skip a package's devDependencies).
 */
function vendored(planned, service) {
	const vendorDir = path.join(planned.root, 'dist', 'vendor');
	const names = fs.existsSync(vendorDir) ? fs.readdirSync(vendorDir).sort() : [];
	const code = linkedSources(planned, service)
		.map((f) => fs.readFileSync(f, 'utf8'))
		.join('\n');
	const used = names.filter((name) =>
		new RegExp(
			`(from|require\\()\\s*['"]${name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}['"]`,
		).test(code),
	);
	if (!used.length) return {};
	const devDependencies = {};
	for (const name of used) {
		const version = planned.pkg.devDependencies?.[name];
		if (!version) throw new Error(`dist/vendor/${name} is not a devDependency of package.json`);
		devDependencies[name] = version;
	}
	return { devDependencies };
}

/** The bundle's published package.json: the repository's, without what only development needs. */
function bundleManifest(planned) {
	const { scripts, devDependencies, ...rest } = planned.pkg;
	return { ...rest, files: [...new Set([...(rest.files ?? []), 'examples'])] };
}

function writeJson(file, value) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function copyFiles(root, files, target, transform = (rel, buf) => buf) {
	for (const rel of files) {
		const to = path.join(target, rel);
		fs.mkdirSync(path.dirname(to), { recursive: true });
		fs.writeFileSync(to, transform(rel, fs.readFileSync(path.join(root, rel))));
	}
}

/**
 * Writes one publishable folder: package.json, README.md, LICENSE, its dist/ files (codex files
 * renamed to the package's node types) and its examples (node types renamed). Returns its path.
 */
function writePackage(planned, unit, outDir) {
	const { root } = planned;
	const isBundle = unit === planned.bundle;
	const target = path.join(outDir, unit.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const from = planned.pkg.name;
	const rename = (value) => (isBundle ? value : renameNodeTypes(value, from, unit.name));
	writeJson(
		path.join(target, 'package.json'),
		isBundle ? bundleManifest(planned) : manifest(planned, unit),
	);
	copyFiles(root, unit.files, target, (rel, buf) =>
		rel.endsWith('.node.json')
			? Buffer.from(`${JSON.stringify(rename(JSON.parse(buf.toString('utf8'))), null, '\t')}\n`)
			: buf,
	);
	if (isBundle)
		fs.copyFileSync(path.join(root, planned.pkg.main), path.join(target, planned.pkg.main));
	for (const file of unit.examples)
		writeJson(
			path.join(target, 'examples', file),
			rename(readJson(path.join(root, 'examples', file))),
		);
	fs.copyFileSync(path.join(root, 'LICENSE'), path.join(target, 'LICENSE'));
	const readme = require('./readme');
	const warnings = [];
	fs.writeFileSync(
		path.join(target, 'README.md'),
		isBundle ? readme.bundleReadme(planned) : readme.serviceReadme(planned, unit, warnings),
	);
	unit.readmeWarnings = warnings;
	return target;
}

/** Every package (the services, then the bundle) into outDir/<name>/; returns their folders. */
function writeAll(planned, outDir = DEFAULT_OUT_DIR) {
	fs.mkdirSync(outDir, { recursive: true });
	return [...planned.services, planned.bundle].map((unit) => ({
		name: unit.name,
		dir: writePackage(planned, unit, outDir),
		bundle: unit === planned.bundle,
	}));
}

/**
 * What dev/packages/<name>/ must hold for a service: package.json (the published one) and links
 * to the sources it is built from: nodes/<Provider> and every other nodes/ folder its dist/ files
 * come from (nodes/common), and credentials/<Name>.credentials.ts for each credential.
 * { 'package.json': json text, links: { 'nodes/Zaia': '../../../../nodes/Zaia', ... } }
 */
function sourceRoot(planned, service) {
	const links = {};
	for (const rel of service.files) {
		const parts = rel.split('/');
		// every nodes/ folder it ships from, whole (its own and nodes/common): a file added there
		// is linted in this package's context at once
		if (parts[1] === 'nodes' && parts.length > 3) links[`nodes/${parts[2]}`] = true;
	}
	for (const c of service.credentials) links[sourceOf(c.file)] = true;
	const resolved = {};
	for (const link of Object.keys(links).sort()) {
		const at = path.join(SOURCE_ROOTS_DIR, service.name, link);
		resolved[link] = posix(path.relative(path.dirname(at), path.join(planned.root, link)));
	}
	return {
		manifest: `${JSON.stringify(manifest(planned, service), null, 2)}\n`,
		readme: sourceRootReadme(service),
		links: resolved,
	};
}

/** The README.md of a source root: what the folder is for (GitHub shows it there). */
function sourceRootReadme(service) {
	return [
		`# ${service.name}: where its source is found`,
		'',
		`This folder is where n8n's community-package scanner (\`npx @n8n/scan-community-package ${service.name}\`)`,
		`finds the source of the npm package [\`${service.name}\`](https://www.npmjs.com/package/${service.name})`,
		`(${service.displayName}): the scanner looks for a \`package.json\` with the package's name at the commit`,
		"its provenance names. So this folder holds that package's `package.json`, the one that is published,",
		'and links to the sources it is built from (`nodes/`, `credentials/`).',
		'',
		'The package itself (its README, the compiled `dist/` files, its examples) is written by',
		'`npm run build:packages` into `.tmp/packages/' +
			service.name +
			"/`, from the repository's build;",
		"its README is the [repository README](../../../README.md)'s part for " +
			`${service.displayName}.`,
		'`npm run build:packages` also rewrites this folder; see [dev/packages/index.js](../index.js).',
		'',
	].join('\n');
}

/** dist/x/Y.js -> x/Y.ts */
function sourceOf(distFile) {
	return distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

/** The .ts files of a service's source root (what its links point at). */
function linkedSources(planned, service) {
	const out = [];
	const walk = (p) => {
		if (!fs.existsSync(p)) return;
		if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
		else if (p.endsWith('.ts')) out.push(p);
	};
	const dirs = new Set(
		service.files
			.map((rel) => rel.split('/'))
			.filter((parts) => parts[1] === 'nodes' && parts.length > 3)
			.map((parts) => parts[2]),
	);
	for (const dir of dirs) walk(path.join(planned.root, 'nodes', dir));
	for (const c of service.credentials) walk(path.join(planned.root, sourceOf(c.file)));
	return out;
}

/** Lists what in dev/packages/ differs from what the plan wants (empty when current). */
function staleSourceRoots(planned) {
	const problems = [];
	const wanted = new Set(planned.services.map((s) => s.name));
	for (const entry of fs.readdirSync(SOURCE_ROOTS_DIR, { withFileTypes: true }))
		if (entry.isDirectory() && entry.name.startsWith('n8n-nodes-') && !wanted.has(entry.name))
			problems.push(`dev/packages/${entry.name}/ is no service package any more`);
	for (const service of planned.services) {
		const dir = path.join(SOURCE_ROOTS_DIR, service.name);
		const want = sourceRoot(planned, service);
		const file = path.join(dir, 'package.json');
		// the version aside: `npm version` bumps package.json alone when scripts are off (.npmrc),
		// and the published package.json always carries the bundle's version
		const unversioned = (text) => text.replace(/^ {2}"version": ".*",$/m, '');
		if (
			!fs.existsSync(file) ||
			unversioned(fs.readFileSync(file, 'utf8')) !== unversioned(want.manifest)
		)
			problems.push(`dev/packages/${service.name}/package.json differs from the one to publish`);
		const readme = path.join(dir, 'README.md');
		if (!fs.existsSync(readme) || fs.readFileSync(readme, 'utf8') !== want.readme)
			problems.push(`dev/packages/${service.name}/README.md is not the one the build writes`);
		const have = listLinks(dir);
		for (const [link, to] of Object.entries(want.links))
			if (have[link] !== to)
				problems.push(`dev/packages/${service.name}/${link} should link to ${to}`);
		for (const link of Object.keys(have))
			if (!(link in want.links))
				problems.push(`dev/packages/${service.name}/${link} is not a source of it`);
	}
	return problems;
}

function listLinks(dir, base = dir, out = {}) {
	if (!fs.existsSync(dir)) return out;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isSymbolicLink())
			out[posix(path.relative(base, full))] = posix(fs.readlinkSync(full));
		else if (entry.isDirectory()) listLinks(full, base, out);
	}
	return out;
}

/** Rewrites dev/packages/<name>/ for every service (package.json + links); returns what changed. */
function writeSourceRoots(planned) {
	const changed = staleSourceRoots(planned);
	const wanted = new Set(planned.services.map((s) => s.name));
	for (const entry of fs.readdirSync(SOURCE_ROOTS_DIR, { withFileTypes: true }))
		if (entry.isDirectory() && entry.name.startsWith('n8n-nodes-') && !wanted.has(entry.name))
			fs.rmSync(path.join(SOURCE_ROOTS_DIR, entry.name), { recursive: true, force: true });
	for (const service of planned.services) {
		const dir = path.join(SOURCE_ROOTS_DIR, service.name);
		const want = sourceRoot(planned, service);
		for (const sub of ['nodes', 'credentials'])
			fs.rmSync(path.join(dir, sub), { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), want.manifest);
		fs.writeFileSync(path.join(dir, 'README.md'), want.readme);
		for (const [link, to] of Object.entries(want.links)) {
			const at = path.join(dir, link);
			fs.mkdirSync(path.dirname(at), { recursive: true });
			fs.symlinkSync(to, at);
		}
	}
	return changed;
}

/** Sets every committed source root's version to the bundle's (npm version's "version" script). */
function syncVersions({ root = REPO_ROOT } = {}) {
	const { version } = readJson(path.join(root, 'package.json'));
	const changed = [];
	for (const entry of fs.readdirSync(SOURCE_ROOTS_DIR, { withFileTypes: true })) {
		const file = path.join(SOURCE_ROOTS_DIR, entry.name, 'package.json');
		if (!entry.isDirectory() || !fs.existsSync(file)) continue;
		const text = fs.readFileSync(file, 'utf8');
		const json = JSON.parse(text);
		if (json.version === version) continue;
		json.version = version;
		fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
		changed.push(json.name);
	}
	return changed;
}

module.exports = {
	REPO_ROOT,
	BUNDLE_NAME,
	PROVIDERS,
	SOURCE_ROOTS_DIR,
	DEFAULT_OUT_DIR,
	plan,
	closure,
	manifest,
	bundleManifest,
	renameNodeTypes,
	writePackage,
	writeAll,
	sourceRoot,
	staleSourceRoots,
	writeSourceRoots,
	syncVersions,
};
