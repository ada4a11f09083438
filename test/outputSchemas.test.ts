/**
 * Every operation of every action node ships an output schema for each version a user can pick,
 * in the form n8n's editor reads (an object with properties), and no schema is left for an
 * operation that is gone. The schemas come from real engine runs (npm run schemas); that each run
 * still matches its schema is checked by the harness itself (test/engine/outputSchema.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INode, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { versionFolder } from './engine/outputSchema';

const root = path.resolve(__dirname, '..');
const nodeFiles: string[] = require(path.join(root, 'package.json')).n8n.nodes.map((file: string) =>
	path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
);

function load(file: string): INodeType {
	const exports = require(file) as Record<string, new () => INodeType>;
	const NodeClass = Object.values(exports).find((value) => typeof value === 'function');
	if (!NodeClass) throw new Error(`${file} exports no node class`);
	return new NodeClass();
}

/**
 * Operations whose output has no fields to show, with the reason (a schema would be empty, and
 * the editor shows nothing for an empty one).
 */
const WITHOUT_SCHEMA: Record<string, string> = {};

/** [version, resource, operation] a user can pick, read as the editor reads the description. */
function offered(node: INodeType): Array<[number, string, string]> {
	const desc = node.description;
	const versions = Array.isArray(desc.version) ? desc.version : [desc.version];
	const out: Array<[number, string, string]> = [];
	for (const version of versions) {
		const at = { name: 'x', type: desc.name, typeVersion: version, parameters: {} } as INode;
		const visible = (params: Record<string, string>, p: INodeProperties) =>
			NodeHelpers.displayParameter(params, p, at, desc, params) !== false;
		for (const rp of desc.properties.filter(
			(p) => p.name === 'resource' && p.type === 'options' && visible({}, p),
		)) {
			for (const r of rp.options as INodePropertyOptions[]) {
				const params = { resource: String(r.value) };
				for (const op of desc.properties.filter(
					(p) => p.name === 'operation' && p.type === 'options' && visible(params, p),
				))
					for (const o of op.options as INodePropertyOptions[])
						out.push([version, String(r.value), String(o.value)]);
			}
		}
	}
	return out;
}

const actionNodes = nodeFiles
	.map((file) => ({ file, node: load(file) }))
	.filter(({ node }) => !node.description.group.includes('trigger'));

test('there are action nodes to check', () => {
	expect(actionNodes.length).toBeGreaterThan(0);
});

describe.each(actionNodes.map(({ file, node }) => [path.relative(root, file), file, node]))(
	'%s',
	(_name, file, node) => {
		const dir = path.join(path.dirname(file as string), '__schema__');
		const ops = offered(node as INodeType);
		const key = (v: number, r: string, o: string) =>
			`${(node as INodeType).description.name} ${versionFolder(v)} ${r}/${o}`;

		test('every operation of every version has an output schema the editor can show', () => {
			const problems: string[] = [];
			for (const [v, r, o] of ops) {
				if (WITHOUT_SCHEMA[key(v, r, o)]) continue;
				const schemaPath = path.join(dir, versionFolder(v), r, `${o}.json`);
				if (!fs.existsSync(schemaPath)) {
					problems.push(`${key(v, r, o)}: no ${path.relative(root, schemaPath)}`);
					continue;
				}
				const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
				if (schema.type !== 'object' || !Object.keys(schema.properties ?? {}).length)
					problems.push(`${key(v, r, o)}: not an object schema with properties`);
			}
			expect(problems).toEqual([]);
		});

		test('no schema is left for an operation that is not offered', () => {
			const wanted = new Set(ops.map(([v, r, o]) => path.join(versionFolder(v), r, `${o}.json`)));
			const found = fs.existsSync(dir)
				? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.json'))
				: [];
			expect(found.filter((f) => !wanted.has(f))).toEqual([]);
		});
	},
);

test('the exceptions name operations that exist', () => {
	const all = new Set(
		actionNodes.flatMap(({ node }) =>
			offered(node).map(([v, r, o]) => `${node.description.name} ${versionFolder(v)} ${r}/${o}`),
		),
	);
	expect(Object.keys(WITHOUT_SCHEMA).filter((k) => !all.has(k))).toEqual([]);
});
