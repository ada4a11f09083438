/**
 * Output schemas, seen from the engine harness. n8n's editor shows a node's output fields before
 * it has run from `<node folder>/__schema__/v<x.y.z>/<resource>/<operation>.json` (the form
 * n8n-nodes-base uses: `type`, `properties`, `items`). These files are generated from what the
 * operations really output in the engine tests (dev/schemas/generate.js), and every engine run
 * checks that it still matches them:
 *  - with OUTPUT_SCHEMA_SAMPLES=<dir>, runNode() appends the output items of each successful run
 *    to <dir>/<pid>.jsonl (the generator's input);
 *  - otherwise a run whose operation has a schema fails when an output field has another type
 *    than the schema says (a changed output that the editor would show wrongly); a run with
 *    Simplify set against its version's default is not what that version's schema describes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IDataObject, INode, INodeExecutionData, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

const REPO = path.resolve(__dirname, '..', '..');

export interface JsonSchema {
	type?: string;
	/** the generator's note that a field was seen with several types (any of them fits) */
	'x-seen-types'?: string[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

/** node type name (description.name) -> the folder holding its .node.ts, from package.json */
function nodeFolders(): Record<string, string> {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	const out: Record<string, string> = {};
	for (const file of pkg.n8n.nodes) {
		const base = path.basename(file).replace(/\.node\.js$/, '');
		const name = base.charAt(0).toLowerCase() + base.slice(1);
		out[name] = path.join(REPO, path.dirname(file).replace(/^dist\//, ''));
	}
	return out;
}
const FOLDERS = nodeFolders();

/** n8n's editor asks for the version with three parts: 1 -> v1.0.0, 1.1 -> v1.1.0. */
export function versionFolder(version: number): string {
	const [major, minor = '0', patch = '0'] = String(version).split('.');
	return `v${major}.${minor}.${patch}`;
}

export function schemaFile(
	nodeName: string,
	version: number,
	resource: string,
	operation: string,
): string | undefined {
	const folder = FOLDERS[nodeName];
	if (!folder) return undefined;
	return path.join(folder, '__schema__', versionFolder(version), resource, `${operation}.json`);
}

function typeOf(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

/** Where `value` differs from `schema` (types only: fields it lacks or has beyond are fine). */
export function mismatches(schema: JsonSchema, value: unknown, at = ''): string[] {
	const actual = typeOf(value);
	if (actual === undefined || schema.type === undefined) return [];
	const allowed = schema['x-seen-types'] ?? [schema.type];
	const fits = allowed.includes(actual) || (allowed.includes('number') && actual === 'integer');
	if (!fits) return [`${at || '(item)'}: the schema says ${schema.type}, the output has ${actual}`];
	if (actual === 'object' && schema.properties) {
		return Object.entries(schema.properties).flatMap(([key, sub]) =>
			mismatches(sub, (value as IDataObject)[key], at ? `${at}.${key}` : key),
		);
	}
	if (actual === 'array' && schema.items) {
		return (value as unknown[]).flatMap((entry, i) =>
			mismatches(schema.items as JsonSchema, entry, `${at}[${i}]`),
		);
	}
	return [];
}

const MAX_SAMPLES_PER_RUN = 5;

export function observeOutput(
	description: INodeTypeDescription,
	node: INode | null,
	items: INodeExecutionData[],
): void {
	// a failed item that Continue On Fail passed on is not the operation's output
	// (the package's error item: `error` text with `errorDescription` / `retryable`; a record's own
	// `error: null` is output)
	items = items.filter(
		({ json }) =>
			!(typeof json.error === 'string' && ('errorDescription' in json || 'retryable' in json)),
	);
	if (!node || description.group.includes('trigger') || items.length === 0) return;
	const { resource, operation } = node.parameters;
	if (typeof resource !== 'string' || typeof operation !== 'string') return;
	const version = node.typeVersion;
	// Simplify changes an output's shape, and its default is what a version changes (Dify: off
	// in 1, on from 1.1): a version's schema is the output with that version's default
	const defaults = NodeHelpers.getNodeParameters(
		description.properties,
		{ resource, operation },
		true,
		false,
		{ typeVersion: node.typeVersion },
		description,
	);
	const simplify = node.parameters.simplify;
	const defaultSimplify = defaults?.simplify;
	const samplesDir = process.env.OUTPUT_SCHEMA_SAMPLES;
	if (samplesDir) {
		const line = JSON.stringify({
			node: description.name,
			version,
			resource,
			operation,
			simplify,
			defaultSimplify,
			samples: items.slice(0, MAX_SAMPLES_PER_RUN).map((item) => item.json),
		});
		fs.mkdirSync(samplesDir, { recursive: true });
		fs.appendFileSync(path.join(samplesDir, `${process.pid}.jsonl`), `${line}\n`);
		return;
	}
	if (simplify !== defaultSimplify) return;
	const file = schemaFile(description.name, version, resource, operation);
	if (!file || !fs.existsSync(file)) return;
	const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as JsonSchema;
	const problems = items.flatMap((item) => mismatches(schema, item.json));
	if (problems.length)
		throw new Error(
			`${description.name} v${version} ${resource} → ${operation}: the output no longer matches ` +
				`${path.relative(REPO, file)} (run \`npm run schemas\` if the change is meant):\n  ` +
				[...new Set(problems)].slice(0, 10).join('\n  '),
		);
}
