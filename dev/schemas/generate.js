#!/usr/bin/env node
/**
 * Writes the output schemas n8n's editor shows before a node has run
 * (nodes/<Node>/__schema__/v<x.y.z>/<resource>/<operation>.json), inferred from what every
 * operation really outputs in the engine tests against the simulator.
 *
 *   npm run schemas                     run the engine tests with recording on, then write
 *   node dev/schemas/generate.js DIR    write from samples recorded earlier in DIR
 *
 * Recording: test/engine/outputSchema.ts (OUTPUT_SCHEMA_SAMPLES). A node's versions differ only in
 * defaults (Dify: Simplify), so each version's schema takes the runs of any version made with its
 * defaults. The form is n8n-nodes-base's:
 * `type`, `properties`, `items`, no `required`, no `additionalProperties`. A field seen only as
 * null gets no entry (its type is not known); integer and number seen together make number; other
 * mixed types keep the most frequent one as `type` and list all in `x-seen-types` (an extension
 * keyword the editor ignores; the engine check accepts any of them), and the run says so.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const REPO = path.resolve(__dirname, '..', '..');
const MAX_DEPTH = 8;

function typeOf(value) {
	if (value === null || value === undefined) return undefined;
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

/** One schema for all `values` (the observations of one field); `where` names it in warnings. */
function infer(values, where, warnings, depth = 0) {
	const counts = new Map();
	for (const v of values) {
		const t = typeOf(v);
		if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
	}
	if (counts.size === 0) return undefined;
	if (counts.has('integer') && counts.has('number')) {
		counts.set('number', counts.get('number') + counts.get('integer'));
		counts.delete('integer');
	}
	const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	const type = ranked[0][0];
	// a field whose type varies (a variable's value, a metadata value): the editor shows the most
	// frequent type; `x-seen-types` (ignored by the editor) tells the engine check what else is fine
	const seen = ranked.length > 1 ? { 'x-seen-types': ranked.map(([t]) => t).sort() } : {};
	if (ranked.length > 1)
		warnings.push(`${where}: seen as ${ranked.map(([t, n]) => `${t} ×${n}`).join(', ')}`);
	const of = values.filter(
		(v) => typeOf(v) === type || (type === 'number' && typeOf(v) === 'integer'),
	);
	if (type === 'object' && depth < MAX_DEPTH) {
		const keys = [...new Set(of.flatMap((o) => Object.keys(o)))].sort();
		const properties = {};
		for (const key of keys) {
			const sub = infer(
				of.map((o) => o[key]),
				`${where}.${key}`,
				warnings,
				depth + 1,
			);
			if (sub) properties[key] = sub;
		}
		return { type, ...seen, properties };
	}
	if (type === 'array' && depth < MAX_DEPTH) {
		const items = infer(of.flat(), `${where}[]`, warnings, depth + 1);
		return items ? { type, ...seen, items } : { type, ...seen };
	}
	return { type, ...seen };
}

function nodeFolders() {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	const out = {};
	for (const file of pkg.n8n.nodes) {
		const base = path.basename(file).replace(/\.node\.js$/, '');
		out[base.charAt(0).toLowerCase() + base.slice(1)] = path.join(
			REPO,
			path.dirname(file).replace(/^dist\//, ''),
		);
	}
	return out;
}

function versionFolder(version) {
	const [major, minor = '0', patch = '0'] = String(version).split('.');
	return `v${major}.${minor}.${patch}`;
}

function record() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'output-schema-samples-'));
	console.log(`recording the engine tests' outputs into ${dir} (the whole jest suite: minutes)`);
	const r = spawnSync(
		process.execPath,
		[require.resolve('jest/bin/jest'), '--ci', '--silent', '--testPathIgnorePatterns', '/e2e/'],
		{ cwd: REPO, stdio: 'inherit', env: { ...process.env, OUTPUT_SCHEMA_SAMPLES: dir } },
	);
	if (r.status !== 0) throw new Error('the jest run failed: no schemas written');
	return dir;
}

/**
 * The recordings of one operation that describe `version`: where the operation has Simplify, the
 * runs with that version's default (whatever version they ran at: the default is all a version
 * changes); otherwise every run.
 */
function samplesFor(lines, version, defaultSimplifyByVersion) {
	const wanted = defaultSimplifyByVersion.get(version);
	const withSimplify = lines.some((l) => l.simplify !== undefined);
	return lines
		.filter((l) => !withSimplify || wanted === undefined || l.simplify === wanted)
		.flatMap((l) => l.samples);
}

function main() {
	const dir = process.argv[2] ?? record();
	const ops = new Map(); // [node, resource, operation] -> recorded lines
	const versions = new Map(); // node -> Set of versions seen
	const defaults = new Map(); // node -> Map version -> Simplify's default there
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
		for (const text of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
			if (!text.trim()) continue;
			const line = JSON.parse(text);
			const key = JSON.stringify([line.node, line.resource, line.operation]);
			if (!ops.has(key)) ops.set(key, []);
			ops.get(key).push(line);
			if (!versions.has(line.node)) versions.set(line.node, new Set());
			versions.get(line.node).add(line.version);
			if (!defaults.has(line.node)) defaults.set(line.node, new Map());
			if (line.defaultSimplify !== undefined)
				defaults.get(line.node).set(line.version, line.defaultSimplify);
		}
	}
	const folders = nodeFolders();
	const warnings = [];
	// every __schema__ folder is rewritten whole: an operation gone from the tests loses its file
	for (const folder of Object.values(folders))
		fs.rmSync(path.join(folder, '__schema__'), { recursive: true, force: true });
	let written = 0;
	for (const [key, lines] of [...ops.entries()].sort()) {
		const [node, resource, operation] = JSON.parse(key);
		const folder = folders[node];
		if (!folder) continue;
		for (const version of [...versions.get(node)].sort()) {
			const where = `${node} v${version} ${resource}/${operation}`;
			const schema = infer(samplesFor(lines, version, defaults.get(node)), where, warnings);
			if (!schema || schema.type !== 'object' || !Object.keys(schema.properties).length) {
				warnings.push(`${where}: no fields seen, no schema`);
				continue;
			}
			const file = path.join(
				folder,
				'__schema__',
				versionFolder(version),
				resource,
				`${operation}.json`,
			);
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
			written++;
		}
	}
	// in the repository's own style (Prettier), so that a regeneration diffs only what changed
	const prettier = spawnSync(
		process.execPath,
		[
			require.resolve('prettier/bin/prettier.cjs'),
			'--write',
			'--log-level',
			'warn',
			...[...new Set(Object.values(folders))]
				.map((f) => path.join(f, '__schema__'))
				.filter((d) => fs.existsSync(d)),
		],
		{ cwd: REPO, stdio: 'inherit' },
	);
	if (prettier.status !== 0) throw new Error('prettier could not format the schemas');
	for (const w of warnings) console.log(`note: ${w}`);
	console.log(`${written} output schemas written for ${ops.size} operations seen`);
}

main();
